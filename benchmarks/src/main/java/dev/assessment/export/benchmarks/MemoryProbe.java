package dev.assessment.export.benchmarks;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.core.Layout;
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
    if (args[0].equals("long")) {
      CsvData data = new CsvData(Long.parseLong(args[1]));
      Exporter.builder().repository(data).build().export(
          ExportRequest.builder(CsvData.WORKFLOW.id()).layout(Layout.ATTRIBUTE_VALUES).build(),
          ExportSink.of(new Runner.Counting()));
    } else {
      List<byte[]> images = new ArrayList<>();
      try (Stream<Path> s = Files.list(Path.of(args[1]))) {
        for (Path p : s.sorted().toList()) {
          byte[] b = Files.readAllBytes(p);
          if (b.length > 2_000_000) {
            images.add(b);
          }
        }
      }
      int copies = Integer.parseInt(args[2]);
      List<byte[]> all = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        all.add(images.get(i % images.size()));
      }
      Exporter.builder().repository(Runner.photos(all, 20)).build().export(
          ExportRequest.builder("wf").layout(Layout.ANNOTATED_FILES).order("o").build(),
          ExportSink.of(new Runner.Counting()));
    }
    System.out.println(String.format(Locale.ROOT, "%d", Runner.peakHeap() >> 20));
  }
}
