/**
 * The archive layouts of Assessment Export, {@code files} and {@code annotated-files}, provided to
 * the exporter as {@link dev.assessment.export.core.layout.LayoutProvider} services.
 */
module dev.assessment.export.imaging {
  requires transitive dev.assessment.export.core;
  requires static transitive org.jspecify;
  requires java.desktop;
  requires org.apache.commons.compress;
  requires com.twelvemonkeys.imageio.metadata;

  exports dev.assessment.export.imaging;

  provides dev.assessment.export.core.layout.LayoutProvider with
      dev.assessment.export.imaging.internal.FilesLayoutProvider,
      dev.assessment.export.imaging.internal.AnnotatedLayoutProvider;
}
