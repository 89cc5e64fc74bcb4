/*
 * Copyright 2025-2026 The Assessment Export Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.assessment.export.example;

import dev.assessment.export.bundle.Bundle;
import dev.assessment.export.bundle.BundleRepository;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.core.Layout;
import dev.assessment.export.delivery.Delivery;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.WorkflowOrder;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@code deliver}: the product's delivery. Exports a bundle's order (the annotated archive by
 * default) straight into S3-compatible storage with a multipart upload, then e-mails a pre-signed
 * link, or a failure notice.
 */
@Command(
    name = "deliver",
    mixinStandardHelpOptions = true,
    description = "Exports into object storage and e-mails a link when it is ready.")
final class DeliverCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "A bundle folder.")
  private Path bundle;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "annotated-files",
      converter = Options.LayoutConverter.class,
      description = "The layout's id (default annotated-files).")
  private Layout layout;

  @Option(names = "--order", paramLabel = "ID", description = "The workflow order to export.")
  private @Nullable String order;

  @Option(
      names = "--assessments",
      paramLabel = "SCOPE",
      defaultValue = "all",
      converter = Options.ScopeConverter.class,
      description = "all (default) or latest.")
  private AssessmentScope scope;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description = "An S3-compatible endpoint (default: AWS for --region).")
  private @Nullable URI endpoint;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      defaultValue = "us-east-1",
      description = "The region (default us-east-1).")
  private String region;

  @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket.")
  private String bucket;

  @Option(
      names = "--access-key",
      paramLabel = "KEY",
      description = "The access key (default: the AWS SDK's default credentials).")
  private @Nullable String accessKey;

  @Option(names = "--secret-key", paramLabel = "SECRET", description = "The secret key.")
  private @Nullable String secretKey;

  @Option(
      names = "--part-size-mib",
      paramLabel = "MIB",
      defaultValue = "8",
      description = "The multipart upload's part size in MiB (default 8, at least 5).")
  private int partSizeMib;

  @Option(
      names = "--link-hours",
      paramLabel = "HOURS",
      defaultValue = "72",
      description = "How long the link works, in hours (default 72, at most 168).")
  private int linkHours;

  @Option(
      names = "--smtp-host",
      paramLabel = "HOST",
      defaultValue = "localhost",
      description = "The SMTP server (default localhost).")
  private String smtpHost;

  @Option(
      names = "--smtp-port",
      paramLabel = "PORT",
      defaultValue = "25",
      description = "The SMTP port (default 25).")
  private int smtpPort;

  @Option(names = "--from", required = true, paramLabel = "ADDRESS", description = "The sender.")
  private String from;

  @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "The recipient.")
  private String to;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((accessKey == null) != (secretKey == null)) {
      err.println("error: give both --access-key and --secret-key, or neither");
      return 2;
    }
    Delivery.Settings settings;
    try {
      settings =
          new Delivery.Settings(
              bucket,
              "exports/",
              partSizeMib << 20,
              Duration.ofHours(linkHours),
              from,
              smtpHost,
              smtpPort);
    } catch (IllegalArgumentException e) {
      err.println("error: " + Main.oneLine(e));
      return 2;
    }
    BundleRepository repository = Bundle.open(bundle);
    String workflowId = repository.workflow().id();
    Exporter exporter = Exporter.builder().repository(repository).build();
    ExportRequest request =
        ExportRequest.builder(workflowId).layout(layout).scope(scope).orderId(order).build();
    try {
      exporter.check(request);
    } catch (IllegalStateException | IllegalArgumentException e) {
      err.println("error: " + Main.oneLine(e));
      return 2;
    }
    String orderName =
        order == null
            ? ""
            : repository.orders(workflowId).stream()
                .filter(o -> o.id().equals(order))
                .map(WorkflowOrder::name)
                .findFirst()
                .orElse(order);
    Delivery.Notice notice = new Delivery.Notice(to, repository.workflow().name(), orderName);
    AwsCredentialsProvider credentials =
        accessKey == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    S3ClientBuilder s3Builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    S3Presigner.Builder presignerBuilder =
        S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials);
    if (endpoint != null) {
      // S3-compatible stores are reached by path, not by a bucket host name.
      s3Builder.endpointOverride(endpoint).forcePathStyle(true);
      presignerBuilder
          .endpointOverride(endpoint)
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    ProgressBar bar = ProgressBar.onTerminal(err);
    try (S3Client s3 = s3Builder.build();
        S3Presigner presigner = presignerBuilder.build()) {
      Delivery.Running running =
          new Delivery(s3, presigner, settings).submit(exporter, request, notice, bar);
      try {
        Delivery.Receipt receipt = running.delivered().get();
        bar.clear();
        out.println(
            "delivered s3://"
                + bucket
                + "/"
                + receipt.key()
                + " ("
                + receipt.result().bytes()
                + " bytes); mailed a link to "
                + to
                + ", valid until "
                + receipt.expires());
        return 0;
      } catch (ExecutionException e) {
        bar.clear();
        Throwable cause = e.getCause();
        if (cause instanceof Delivery.DeliveryException d) {
          err.println("error: " + Main.oneLine(d));
        } else if (cause instanceof Delivery.NothingToDeliverException nothing) {
          nothing.result().warnings().forEach(w -> err.println("warning: " + w));
          err.println(
              "error: "
                  + Main.oneLine(nothing)
                  + "; nothing was stored and "
                  + to
                  + " was told so");
          return 3;
        } else {
          err.println(
              "error: the export failed and "
                  + to
                  + " was sent a failure notice: "
                  + Main.oneLine(cause));
        }
        return 1;
      }
    }
  }
}
