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
package dev.assessment.export.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.core.ExportJob;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery example of docs/delivery.md, compiled and run against fake storage and mail. */
class DeliveryExampleTest {

  /** The host's object store. */
  interface ObjectStore {
    URI upload(Path file, String name, String mediaType) throws IOException;
  }

  /** The host's mail service. */
  interface Mailer {
    void sendLink(String recipient, URI link, String what);

    void sendFailure(String recipient, String why);
  }

  // delivery:start
  static CompletableFuture<Void> deliver(
      Exporter exporter,
      ExportRequest request,
      Path workDir,
      ObjectStore store,
      Mailer mailer,
      String recipient)
      throws IOException {
    Path archive = Files.createTempFile(workDir, "export-", ".zip");
    ExportJob job = exporter.submit(request, ExportSink.of(archive));
    return job.completion()
        .thenApply(
            result -> {
              try {
                URI link = store.upload(archive, result.fileName(), result.mediaType());
                return new Object[] {link, result.fileName()};
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .thenAccept(sent -> mailer.sendLink(recipient, (URI) sent[0], (String) sent[1]))
        .whenComplete(
            (done, failure) -> {
              try {
                Files.deleteIfExists(archive);
              } catch (IOException e) {
                // The work folder is cleaned up by the host's housekeeping.
              }
              if (failure != null) {
                mailer.sendFailure(recipient, "the export failed: " + failure.getMessage());
              }
            });
  }

  // delivery:end

  @Test
  void deliver_uploadsTheArchiveAndMailsTheLink(@TempDir Path dir) throws Exception {
    byte[] png = Images.png(Images.solid(200, 100, Color.GRAY));
    InMemoryRepository repo =
        InMemoryRepository.builder()
            .workflow("wf", "Roof")
            .dataSource("ds", "Field")
            .order("o", "8492192")
            .file(
                "f",
                f ->
                    f.externalId("000003112442")
                        .fileName("a.png")
                        .orderId("o")
                        .content(png)
                        .assessment(
                            "a",
                            AssessmentKind.HUMAN,
                            Instant.EPOCH,
                            a ->
                                a.annotation("e", "dent", Polygon.of(10, 10, 90, 10, 90, 90), 0.9)))
            .build();
    List<String> uploaded = new ArrayList<>();
    List<String> mails = new ArrayList<>();
    ObjectStore store =
        (file, name, type) -> {
          uploaded.add(name + " " + type + " " + Files.size(file));
          return URI.create("https://files.example.invalid/" + name);
        };
    Mailer mailer =
        new Mailer() {
          @Override
          public void sendLink(String recipient, URI link, String what) {
            mails.add(recipient + " " + link);
          }

          @Override
          public void sendFailure(String recipient, String why) {
            mails.add(recipient + " failed: " + why);
          }
        };
    ExportRequest request =
        ExportRequest.builder("wf").layout(ArchiveLayouts.ANNOTATED_FILES).orderId("o").build();
    deliver(
            Exporter.builder().repository(repo).build(),
            request,
            dir,
            store,
            mailer,
            "ana@example.invalid")
        .get(60, TimeUnit.SECONDS);
    assertEquals(1, uploaded.size());
    assertTrue(
        uploaded.get(0).startsWith("wf-o-annotated-files.zip application/zip "),
        uploaded.toString());
    assertEquals(
        List.of("ana@example.invalid https://files.example.invalid/wf-o-annotated-files.zip"),
        mails);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "the archive is deleted after the upload");
    }
  }

  @Test
  void deliver_mailsTheFailure(@TempDir Path dir) throws Exception {
    InMemoryRepository repo =
        InMemoryRepository.builder().workflow("wf", "Roof").dataSource("ds", "Field").build();
    List<String> mails = new ArrayList<>();
    Mailer mailer =
        new Mailer() {
          @Override
          public void sendLink(String recipient, URI link, String what) {
            mails.add("link");
          }

          @Override
          public void sendFailure(String recipient, String why) {
            mails.add(why);
          }
        };
    ExportRequest request =
        ExportRequest.builder("wf").layout(ArchiveLayouts.ANNOTATED_FILES).orderId("nope").build();
    CompletableFuture<Void> f =
        deliver(
            Exporter.builder().repository(repo).build(),
            request,
            dir,
            (file, name, type) -> URI.create("x:y"),
            mailer,
            "ana@example.invalid");
    assertTrue(f.handle((ok, e) -> e != null).get(60, TimeUnit.SECONDS));
    assertEquals(1, mails.size());
    assertTrue(mails.get(0).contains("unknown order 'nope'"), mails.toString());
    assertFalse(mails.contains("link"));
  }

  @Test
  void docs_showTheCompiledExample() throws Exception {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/assessment/export/imaging/DeliveryExampleTest.java"),
            StandardCharsets.UTF_8);
    String snippet =
        source.substring(
            source.indexOf("// delivery:start\n") + "// delivery:start\n".length(),
            source.indexOf("  // delivery:end"));
    StringBuilder unindented = new StringBuilder();
    for (String line : snippet.split("\n")) {
      unindented.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
    }
    String doc = Files.readString(Path.of("../docs/delivery.md"), StandardCharsets.UTF_8);
    assertTrue(doc.contains(unindented), "docs/delivery.md must show:\n" + unindented);
  }
}
