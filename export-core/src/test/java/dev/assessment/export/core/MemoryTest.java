package dev.assessment.export.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streams a million long-layout rows in a JVM whose heap is capped at 64 MB: an export that
 * held its rows, or its files, would fail with an OutOfMemoryError. Not a timed test.
 */
class MemoryTest {

  @Test
  void export_millionRowsIn64MegabyteHeap() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), LargeExport.class.getName(), "1000000"))
        .redirectErrorStream(true)
        .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the export did not finish in five minutes");
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("rows=1000000 "), output);
  }
}
