/**
 * The repository SPI of Assessment Export: the domain records, the repository interfaces a host
 * implements over its storage, and an in-memory repository for tests.
 */
module dev.assessment.export.spi {
  requires static transitive org.jspecify;

  exports dev.assessment.export.spi;
  exports dev.assessment.export.spi.memory;
}
