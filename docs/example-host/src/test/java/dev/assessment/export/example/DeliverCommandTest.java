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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code deliver} from the command line, against an S3 API and an SMTP server the test starts. */
class DeliverCommandTest {
  @RegisterExtension
  static final S3ProxyExtension S3_PROXY =
      S3ProxyExtension.builder().withCredentials("access", "secret").build();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private GreenMail mail;

  @BeforeEach
  void start() {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(S3_PROXY.getUri())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      s3.createBucket(b -> b.bucket("exports"));
    }
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void deliver_uploadsAndMailsALinkToTheAnnotatedArchive(@TempDir Path dir) throws Exception {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "4"), err.toString());
    assertEquals(
        0,
        run(
            "deliver",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--order",
            SampleWorkflow.FIRST_ORDER,
            "--s3-endpoint",
            S3_PROXY.getUri().toString(),
            "--bucket",
            "exports",
            "--access-key",
            "access",
            "--secret-key",
            "secret",
            "--part-size-mib",
            "5",
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            Integer.toString(mail.getSmtp().getPort()),
            "--from",
            "exports@example.org",
            "--to",
            "ana@example.org"),
        err.toString());
    assertTrue(out.toString().contains("delivered s3://exports/exports/"), out.toString());
    assertTrue(mail.waitForIncomingEmail(10_000, 1));
    String body =
        GreenMailUtil.getBody(mail.getReceivedMessages()[0])
            .replace("=\r\n", "")
            .replace("=3D", "=");
    Matcher link = Pattern.compile("(http://\\S+)").matcher(body);
    assertTrue(link.find(), body);
    byte[] delivered =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(link.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    Path local = dir.resolve("local.zip");
    assertEquals(
        0,
        run(
            "export",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--layout",
            "annotated-files",
            "--order",
            SampleWorkflow.FIRST_ORDER,
            "--out",
            local.toString()),
        err.toString());
    assertArrayEquals(Files.readAllBytes(local), delivered);
  }

  @Test
  void deliver_withoutAnOrderIsAUsageError(@TempDir Path dir) {
    assertEquals(0, run("demo", "--out", dir.toString(), "--files", "2"));
    assertEquals(
        2,
        run(
            "deliver",
            "--bundle",
            dir.resolve("bundle").toString(),
            "--bucket",
            "exports",
            "--from",
            "a@example.org",
            "--to",
            "b@example.org"));
    assertTrue(err.toString().contains("annotated-files needs an order"), err.toString());
    assertEquals(0, mail.getReceivedMessages().length, "nothing was sent");
  }
}
