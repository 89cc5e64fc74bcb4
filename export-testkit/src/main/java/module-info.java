/**
 * The repository SPI contract as an abstract JUnit Jupiter test, for plugin authors to extend.
 */
module dev.assessment.export.testkit {
  requires transitive dev.assessment.export.spi;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires static transitive org.jspecify;
  requires java.management;
  requires jdk.management;

  exports dev.assessment.export.testkit;

  opens dev.assessment.export.testkit to
      org.junit.platform.commons;
}
