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
package dev.assessment.export.benchmarks;

import dev.assessment.export.core.CsvLayouts;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.datasets.DatasetLayouts;
import dev.assessment.export.datasets.DatasetOptions;
import dev.assessment.export.imaging.ArchiveLayouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Runs one export in a child JVM with a capped heap and prints the peak heap in MB. */
final class MemoryProbe {
  private MemoryProbe() {}

  static void main(String[] args) throws Exception {
    long[] liveAfterGc = {0};
    for (java.lang.management.GarbageCollectorMXBean gc :
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ((javax.management.NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (!notification
                    .getType()
                    .equals(
                        com.sun.management.GarbageCollectionNotificationInfo
                            .GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                var info =
                    com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) notification.getUserData());
                long used =
                    info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(java.lang.management.MemoryUsage::getUsed)
                        .sum();
                synchronized (liveAfterGc) {
                  liveAfterGc[0] = Math.max(liveAfterGc[0], used);
                }
              },
              null,
              null);
    }
    if (args[0].equals("coco")) {
      Exporter.builder()
          .repository(new CocoData(Long.parseLong(args[1])))
          .build()
          .export(
              ExportRequest.builder(CsvData.WORKFLOW.id())
                  .layout(DatasetLayouts.COCO)
                  .option(DatasetOptions.builder().images(args[2].equals("packed")).build())
                  .build(),
              ExportSink.of(new Runner.Counting()));
    } else if (args[0].equals("long")) {
      CsvData data = new CsvData(Long.parseLong(args[1]));
      Exporter.builder()
          .repository(data)
          .build()
          .export(
              ExportRequest.builder(CsvData.WORKFLOW.id())
                  .layout(CsvLayouts.ATTRIBUTE_VALUES)
                  .build(),
              ExportSink.of(new Runner.Counting()));
    } else {
      // The 12 MP photos stay on disk: the repository holds paths, so the heap holds the export.
      List<Path> images = new ArrayList<>();
      try (Stream<Path> s = Files.list(Path.of(args[1]))) {
        for (Path p : s.sorted().toList()) {
          if (Files.size(p) > 2_000_000) {
            images.add(p);
          }
        }
      }
      int copies = Integer.parseInt(args[2]);
      List<Path> all = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        all.add(images.get(i % images.size()));
      }
      Exporter.builder()
          .repository(Runner.photoFiles(all, 20))
          .build()
          .export(
              ExportRequest.builder("wf")
                  .layout(ArchiveLayouts.ANNOTATED_FILES)
                  .orderId("o")
                  .build(),
              ExportSink.of(new Runner.Counting()));
    }
    System.gc();
    Thread.sleep(200);
    synchronized (liveAfterGc) {
      System.out.println(
          String.format(Locale.ROOT, "%d | %d", Runner.peakHeap() >> 20, liveAfterGc[0] >> 20));
    }
  }
}
