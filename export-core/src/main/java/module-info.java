/**
 * Assessment Export's core: requests, the exporter, jobs, sinks, the open layout API, the two CSV
 * layouts and bundles. Layouts of other modules are found as {@link
 * dev.assessment.export.core.layout.LayoutProvider} services.
 */
module dev.assessment.export.core {
  requires transitive dev.assessment.export.spi;
  requires static transitive org.jspecify;
  requires org.apache.commons.csv;
  requires org.slf4j;

  exports dev.assessment.export.core;
  exports dev.assessment.export.core.bundle;
  exports dev.assessment.export.core.layout;

  uses dev.assessment.export.core.layout.LayoutProvider;
}
