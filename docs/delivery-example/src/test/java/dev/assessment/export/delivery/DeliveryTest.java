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
package dev.assessment.export.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.assessment.export.core.ExportJob;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.imaging.ArchiveLayouts;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.memory.InMemoryRepository;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The delivery flow against real servers this test starts in its own JVM on loopback ports: an S3
 * API (S3Proxy, in-memory backend) and SMTP (GreenMail).
 */
class DeliveryTest {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryTest.class);
  private static final String BUCKET = "exports";
  private static final Instant T = Instant.parse("2025-11-19T08:00:00Z");
  private static final Pattern LINK = Pattern.compile("(http://\\S+)");

  @RegisterExtension
  static final S3ProxyExtension S3_PROXY =
      S3ProxyExtension.builder()
          .withCredentials("access", "secret")
          .withBlobStoreProvider("filesystem")
          .build();

  private GreenMail mail;
  private S3Client s3;
  private S3Presigner presigner;

  @BeforeEach
  void start() {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    URI endpoint = S3_PROXY.getUri();
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret"));
    s3 =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    presigner =
        S3Presigner.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .build();
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterEach
  void stop() {
    mail.stop();
    presigner.close();
    s3.close();
  }

  private Delivery delivery(int smtpPort, int partSize) {
    return new Delivery(
        s3,
        presigner,
        Delivery.Settings.of(BUCKET, "exports@example.org")
            .smtp("127.0.0.1", smtpPort)
            .partSize(partSize));
  }

  private Delivery delivery() {
    return delivery(mail.getSmtp().getPort(), S3MultipartSink.MIN_PART_SIZE);
  }

  private static byte[] png(int seed) {
    BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40 + seed * 30, 90, 120));
    g.fillRect(0, 0, 120, 90);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An order of three assessed photos. */
  private static InMemoryRepository photos() {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "Hail damage")
            .dataSource("ds", "Field app")
            .order("o", "8492192");
    for (int i = 0; i < 3; i++) {
      byte[] content = png(i);
      b.file(
          "f-" + i,
          f ->
              f.externalId("00000311244" + content.length % 10)
                  .fileName("roof.png")
                  .orderId("o")
                  .content(content)
                  .assessment(
                      "a",
                      AssessmentKind.HUMAN,
                      T,
                      a -> a.annotation("e", "dent", Polygon.of(10, 10, 60, 10, 60, 40), 0.9)));
    }
    return b.build();
  }

  /** {@code count} files of {@code bytes} incompressible bytes each, in one order. */
  private static InMemoryRepository large(int count, int bytes) {
    Random random = new Random(20251119);
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "Hail damage")
            .dataSource("ds", "Field app")
            .order("o", "8492192");
    for (int i = 0; i < count; i++) {
      byte[] content = new byte[bytes];
      random.nextBytes(content);
      b.file("f-" + i, f -> f.externalId("x").fileName("scan.jpg").orderId("o").content(content));
    }
    return b.build();
  }

  /** Delivers a files archive of the whole workflow, without listening to progress. */
  private Delivery.Running submitFiles(Exporter exporter) {
    return delivery()
        .submit(
            exporter,
            ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(),
            notice(),
            p -> {});
  }

  private static Delivery.Notice notice() {
    return new Delivery.Notice("ana@example.org", "Hail damage", "8492192");
  }

  private static byte[] local(Exporter exporter, ExportRequest request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(request, ExportSink.of(out));
    return out.toByteArray();
  }

  private static byte[] download(URI link) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), new String(response.body()));
    return response.body();
  }

  private MimeMessage onlyMail() throws Exception {
    assertTrue(mail.waitForIncomingEmail(10_000, 1), "no e-mail arrived");
    MimeMessage[] received = mail.getReceivedMessages();
    assertEquals(1, received.length);
    return received[0];
  }

  private void assertNothingStored() {
    assertEquals(0, s3.listObjectsV2(r -> r.bucket(BUCKET)).keyCount(), "no object");
    assertEquals(
        0,
        s3.listMultipartUploads(r -> r.bucket(BUCKET)).uploads().size(),
        "no upload left open, so no orphaned parts");
  }

  @Test
  void annotatedArchive_theLinkInTheMailDownloadsTheExport() throws Exception {
    Exporter exporter = Exporter.builder().repository(photos()).build();
    ExportRequest request =
        ExportRequest.builder("wf").layout(ArchiveLayouts.ANNOTATED_FILES).orderId("o").build();
    Delivery.Running running = delivery().submit(exporter, request, notice(), p -> {});
    Delivery.Receipt receipt = running.delivered().get(60, TimeUnit.SECONDS);

    MimeMessage message = onlyMail();
    assertEquals("Your export of Hail damage, order 8492192 is ready", message.getSubject());
    String body = GreenMailUtil.getBody(message);
    assertTrue(body.contains("3 file(s)"), body);
    assertTrue(body.contains(receipt.result().bytes() + " bytes"), body);
    Matcher link = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
    assertTrue(link.find(), body);
    assertArrayEquals(
        local(exporter, request),
        download(URI.create(link.group(1))),
        "the object behind the mailed link is the export, byte for byte");
    assertTrue(running.key().endsWith("/wf-o-annotated-files.zip"), running.key());
    assertEquals(0, s3.listMultipartUploads(r -> r.bucket(BUCKET)).uploads().size());
  }

  /** {@code count} files of {@code bytes} incompressible bytes each, on disk, in one order. */
  private static InMemoryRepository largeOnDisk(Path dir, int count, int bytes) throws Exception {
    Random random = new Random(20251119);
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "Hail damage")
            .dataSource("ds", "Field app")
            .order("o", "8492192");
    byte[] chunk = new byte[1 << 20];
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve("scan-" + i + ".jpg");
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        for (int written = 0; written < bytes; written += chunk.length) {
          random.nextBytes(chunk);
          out.write(chunk, 0, Math.min(chunk.length, bytes - written));
        }
      }
      b.file("f-" + i, f -> f.externalId("x").fileName("scan.jpg").orderId("o").content(file));
    }
    return b.build();
  }

  private static byte[] sha256(java.io.InputStream in) throws Exception {
    java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
    try (java.security.DigestInputStream d = new java.security.DigestInputStream(in, digest)) {
      d.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return digest.digest();
  }

  @Test
  void largeArchive_streamsInSeveralParts(@TempDir Path dir) throws Exception {
    int partSize = S3MultipartSink.MIN_PART_SIZE;
    // -Ddelivery.largeFiles=N makes the archive larger, to see that the heap stays where it is.
    int files = Integer.getInteger("delivery.largeFiles", 6);
    Exporter exporter = Exporter.builder().repository(largeOnDisk(dir, files, 8 << 20)).build();
    ExportRequest request = ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long started = System.nanoTime();
    Delivery.Receipt receipt =
        delivery(mail.getSmtp().getPort(), partSize)
            .submit(exporter, request, notice(), p -> {})
            .delivered()
            .get(120, TimeUnit.SECONDS);
    long nanos = System.nanoTime() - started;
    sampler.interrupt();
    long size = s3.headObject(r -> r.bucket(BUCKET).key(receipt.key())).contentLength();
    assertEquals(receipt.result().bytes(), size);
    assertTrue(size > 3L * partSize, "more than three parts: " + size);
    // Compared by digest, streaming, so that the test holds no copy of the archive either.
    java.security.MessageDigest local = java.security.MessageDigest.getInstance("SHA-256");
    exporter.export(
        request,
        ExportSink.of(
            new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), local)));
    HttpResponse<java.io.InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(receipt.link()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertArrayEquals(local.digest(), sha256(response.body()));
    LOG.warn(
        "large upload: {} MiB in {} parts of {} MiB, {} ms, {} MiB/s, peak heap used {} MiB"
            + " of at most {} MiB",
        size >> 20,
        (size + partSize - 1) / partSize,
        partSize >> 20,
        nanos / 1_000_000,
        String.format(java.util.Locale.ROOT, "%.1f", size / (nanos / 1e9) / (1 << 20)),
        peak.get() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  @Test
  void exportFailingMidway_storesNothingAndSendsAFailureNotice() throws Exception {
    InMemoryRepository data = large(4, 6 << 20);
    // The third file fails while the stream is pulled, after a part was uploaded.
    dev.assessment.export.spi.AssessmentRepository failing =
        new dev.assessment.export.spi.AssessmentRepository() {
          @Override
          public Stream<dev.assessment.export.spi.AssessedFile> assessedFiles(FileQuery query) {
            return data.assessedFiles(query);
          }

          @Override
          public Stream<MediaFile> files(FileQuery query) {
            AtomicLong n = new AtomicLong();
            return data.files(query)
                .peek(
                    f -> {
                      if (n.incrementAndGet() == 3) {
                        throw new IllegalStateException("the database went away");
                      }
                    });
          }
        };
    Exporter exporter = Exporter.builder().workflows(data).assessments(failing).media(data).build();
    Delivery.Running running = submitFiles(exporter);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> running.delivered().get(60, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("the database went away"), e.toString());
    assertNothingStored();
    MimeMessage message = onlyMail();
    assertEquals("Your export of Hail damage, order 8492192 failed", message.getSubject());
    String body = GreenMailUtil.getBody(message);
    assertTrue(body.contains("the database went away"), body);
    assertTrue(!body.contains("http"), "no link in a failure notice: " + body);
  }

  @Test
  void everyFileUnreadable_storesNothingAndSaysSoInsteadOfALink() throws Exception {
    InMemoryRepository.Builder b =
        InMemoryRepository.builder()
            .workflow("wf", "Hail damage")
            .dataSource("ds", "Field app")
            .order("o", "8492192");
    for (int i = 0; i < 3; i++) {
      // No content: the storage has nothing for these photos.
      b.file("f-" + i, f -> f.externalId("x").fileName("roof.jpg").orderId("o"));
    }
    Exporter exporter = Exporter.builder().repository(b.build()).build();
    Delivery.Running running = submitFiles(exporter);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> running.delivered().get(60, TimeUnit.SECONDS));
    Delivery.NothingToDeliverException nothing =
        assertInstanceOf(Delivery.NothingToDeliverException.class, e.getCause());
    assertEquals(3, nothing.result().filesSkipped());
    assertTrue(nothing.result().everyFileSkipped());
    assertNothingStored();
    MimeMessage message = onlyMail();
    assertEquals(
        "Your export of Hail damage, order 8492192 has nothing to download", message.getSubject());
    String body = GreenMailUtil.getBody(message);
    assertTrue(body.contains("None of the 3 selected file(s)"), body);
    assertTrue(!body.contains("http"), "no link: " + body);
  }

  @Test
  void cancelledExport_storesNothingAndSendsAFailureNotice() throws Exception {
    Exporter exporter = Exporter.builder().repository(large(4, 6 << 20)).build();
    AtomicReference<ExportJob> job = new AtomicReference<>();
    java.util.concurrent.CountDownLatch submitted = new java.util.concurrent.CountDownLatch(1);
    Delivery.Running running =
        delivery()
            .submit(
                exporter,
                ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(),
                notice(),
                p -> {
                  try {
                    submitted.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  if (p.files() == 2) {
                    job.get().cancel();
                  }
                });
    job.set(running.job());
    submitted.countDown();
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> running.delivered().get(60, TimeUnit.SECONDS));
    assertInstanceOf(java.util.concurrent.CancellationException.class, e.getCause());
    assertTrue(running.job().awaitTermination(java.time.Duration.ofSeconds(10)));
    assertNothingStored();
    assertTrue(GreenMailUtil.getBody(onlyMail()).contains("it was cancelled"));
  }

  @Test
  void storeRefusingAPart_failsTheExportWithTheStoresMessage() throws Exception {
    Exporter exporter = Exporter.builder().repository(large(4, 6 << 20)).build();
    // After two files the bucket is taken away behind the exporter's back (its upload aborted
    // first): the store refuses the next part, as it does when a bucket or a permission is
    // removed during a long export.
    Delivery.Running running =
        delivery()
            .submit(
                exporter,
                ExportRequest.builder("wf").layout(ArchiveLayouts.FILES).build(),
                notice(),
                p -> {
                  if (p.files() == 2) {
                    s3.listMultipartUploads(r -> r.bucket(BUCKET))
                        .uploads()
                        .forEach(
                            u ->
                                s3.abortMultipartUpload(
                                    r -> r.bucket(BUCKET).key(u.key()).uploadId(u.uploadId())));
                    s3.deleteBucket(r -> r.bucket(BUCKET));
                  }
                });
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> running.delivered().get(60, TimeUnit.SECONDS));
    String message = e.getCause().getMessage();
    assertTrue(message.contains("the object store refused part 3 of s3://exports/"), message);
    assertTrue(message.contains("The specified bucket does not exist"), message);
    s3.createBucket(b -> b.bucket(BUCKET));
    assertNothingStored();
    assertTrue(onlyMail().getSubject().endsWith("failed"));
  }

  @Test
  void smtpDown_theObjectStaysAndTheLinkCanBeSentAgain() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Exporter exporter = Exporter.builder().repository(photos()).build();
    ExportRequest request =
        ExportRequest.builder("wf").layout(ArchiveLayouts.ANNOTATED_FILES).orderId("o").build();
    Delivery.Running running =
        delivery(closed, S3MultipartSink.MIN_PART_SIZE)
            .submit(exporter, request, notice(), p -> {});
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> running.delivered().get(60, TimeUnit.SECONDS));
    Delivery.DeliveryException failed =
        assertInstanceOf(Delivery.DeliveryException.class, e.getCause());
    assertTrue(failed.getMessage().contains("could not be sent"), failed.getMessage());
    assertEquals(running.key(), failed.key());
    assertTrue(
        s3.headObject(r -> r.bucket(BUCKET).key(failed.key())).contentLength() > 0,
        "the object stays");

    Delivery.Receipt receipt = delivery().sendLink(failed.key(), failed.result(), notice());
    assertTrue(GreenMailUtil.getBody(onlyMail()).contains("is ready"));
    assertArrayEquals(
        local(exporter, request), download(receipt.link()), "sent again without exporting again");
  }
}
