package dev.assessment.export.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SPI guide shows the whole contract test class as the tests compile and run it. */
class GuideTest {
  @Test
  void spiGuide_showsTheCompiledContractTest() throws Exception {
    String source = Files.readString(
        Path.of("src/test/java/dev/assessment/export/jdbc/JdbcRepositoryContractTest.java"),
        StandardCharsets.UTF_8);
    String guide = Files.readString(Path.of("../spi.md"), StandardCharsets.UTF_8);
    assertTrue(guide.contains("```java\n" + source + "```"), "docs/spi.md must show:\n" + source);
  }
}
