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
package dev.assessment.export.example;

import dev.assessment.export.bundle.Bundle;
import dev.assessment.export.bundle.BundleRepository;
import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.ExportWarning;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.core.Layout;
import dev.assessment.export.core.PolygonEncoding;
import dev.assessment.export.imaging.ArchiveLayouts;
import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.jdbc.JdbcRepository;
import dev.assessment.export.spi.AssessmentScope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: one export of a bundle into a file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exports the workflow of a bundle into a file.")
final class ExportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--bundle",
      paramLabel = "DIR",
      description = "A bundle folder: assessments.csv, optional files.csv, attributes.csv, media/.")
  private @Nullable Path bundle;

  @picocli.CommandLine.Mixin private JdbcOptions jdbc = new JdbcOptions();

  @Option(
      names = "--workflow",
      paramLabel = "ID",
      description = "The workflow to export (needed with --jdbc when the database holds several).")
  private @Nullable String workflowId;

  @Option(
      names = "--layout",
      required = true,
      paramLabel = "LAYOUT",
      converter = Options.LayoutConverter.class,
      description =
          "A layout id: attribute-values, annotations, and those of the layout modules"
              + " on the class path (files, annotated-files, …); an unknown id lists them.")
  private Layout layout;

  @Option(
      names = "--assessments",
      paramLabel = "SCOPE",
      defaultValue = "all",
      converter = Options.ScopeConverter.class,
      description = "all (default) or latest: every assessment, or the latest of each file.")
  private AssessmentScope scope;

  @Option(
      names = "--data-source",
      paramLabel = "ID",
      description = "Only files of this data source.")
  private @Nullable String dataSource;

  @Option(
      names = "--order",
      paramLabel = "ID",
      description = "Only files of this workflow order (required for annotated-files).")
  private @Nullable String order;

  @Option(names = "--bom", description = "Start CSV output with a UTF-8 BOM, for Excel.")
  private boolean bom;

  @Option(
      names = "--polygons",
      paramLabel = "ENCODING",
      defaultValue = "wkt",
      converter = Options.PolygonConverter.class,
      description = "wkt (default) or json.")
  private PolygonEncoding polygons;

  @Option(names = "--strict", description = "Fail on bad data instead of reporting it.")
  private boolean strict;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  private Path out;

  @Option(
      names = "--volume-entries",
      paramLabel = "N",
      description = "Archives only: cut the archive into volumes of at most N entries each.")
  private int volumeEntries;

  @Option(
      names = "--volume-bytes",
      paramLabel = "BYTES",
      description = "Archives only: cut the archive into volumes of at most BYTES of entries each.")
  private long volumeBytes;

  @Option(
      names = "--max-long-edge",
      paramLabel = "PIXELS",
      description =
          "annotated-files only: draw each image at most PIXELS on its long edge (default: full"
              + " size).")
  private int maxLongEdge;

  @Override
  public Integer call() throws Exception {
    if ((bundle == null) == (jdbc.url == null)) {
      spec.commandLine().getErr().println("error: give exactly one of --bundle DIR and --jdbc URL");
      return 2;
    }
    // Everything the command line can get wrong is refused before anything is read or written.
    String usage = usageError();
    if (usage != null) {
      spec.commandLine().getErr().println("error: " + usage);
      return 2;
    }
    Exporter exporter;
    String workflow;
    if (bundle != null) {
      BundleRepository repository = Bundle.open(bundle);
      exporter = Exporter.builder().repository(repository).build();
      workflow = workflowId != null ? workflowId : repository.workflow().id();
    } else {
      JdbcRepository repository = jdbc.repository();
      exporter = Exporter.builder().repository(repository).build();
      List<String> ids = repository.workflowIds();
      if (workflowId == null && ids.size() != 1) {
        spec.commandLine()
            .getErr()
            .println(
                "error: the database holds "
                    + ids.size()
                    + " workflows ("
                    + String.join(", ", ids)
                    + "): choose one with --workflow ID");
        return 2;
      }
      workflow = workflowId != null ? workflowId : ids.get(0);
    }
    ExportRequest request;
    try {
      request =
          ExportRequest.builder(workflow)
              .layout(layout)
              .scope(scope)
              .dataSourceId(dataSource)
              .orderId(order)
              .bom(bom)
              .polygons(polygons)
              .strict(strict)
              .build();
      if (maxLongEdge != 0) {
        request =
            request.toBuilder()
                .option(ArchiveOptions.builder().maxLongEdge(maxLongEdge).build())
                .build();
      }
      exporter.check(request);
    } catch (IllegalStateException | IllegalArgumentException | ExportException e) {
      spec.commandLine().getErr().println("error: " + Main.oneLine(e));
      return 2;
    }
    PrintWriter err = spec.commandLine().getErr();
    boolean zip = exporter.provider(layout).orElseThrow().mediaType().equals("application/zip");
    if ((volumeEntries != 0 || volumeBytes != 0) && !zip) {
      err.println(
          "error: --volume-entries and --volume-bytes cut ZIP archives; "
              + layout.id()
              + " is not one");
      return 2;
    }
    ProgressBar bar = ProgressBar.onTerminal(err);
    ExportResult result;
    try {
      result = exporter.export(request, ExportSink.of(out), bar);
    } finally {
      bar.clear();
    }
    report(spec.commandLine().getOut(), err, out, result);
    if (result.everyFileSkipped()) {
      err.println(
          "error: none of the "
              + result.filesSkipped()
              + " selected file(s) could be read (see the warnings above): "
              + out
              + " holds no file");
      err.flush();
      return 3;
    }
    if (volumeEntries > 0 || volumeBytes > 0) {
      String name = out.getFileName().toString();
      String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
      Path dir = out.toAbsolutePath().getParent();
      java.util.List<Path> volumes =
          dev.assessment.export.imaging.ArchiveVolumes.split(
              out,
              dir,
              base,
              volumeEntries > 0 ? volumeEntries : Integer.MAX_VALUE,
              volumeBytes > 0 ? volumeBytes : Long.MAX_VALUE);
      java.nio.file.Files.delete(out);
      spec.commandLine()
          .getOut()
          .println(
              "cut into "
                  + volumes.size()
                  + " volume(s): "
                  + volumes.get(0).getFileName()
                  + (volumes.size() > 1
                      ? " … " + volumes.get(volumes.size() - 1).getFileName()
                      : ""));
    }
    return 0;
  }

  private @Nullable String usageError() {
    if (out.toString().isEmpty()) {
      return "--out is empty: give the file to write";
    }
    if (java.nio.file.Files.isDirectory(out)) {
      return "--out " + out + " is a folder: give the file to write, e.g. " + out.resolve("export");
    }
    if (maxLongEdge < 0) {
      return "--max-long-edge must be at least 1, was " + maxLongEdge;
    }
    if (maxLongEdge > 0 && !layout.equals(ArchiveLayouts.ANNOTATED_FILES)) {
      return "--max-long-edge sizes the images of annotated-files; " + layout.id() + " draws none";
    }
    if (volumeEntries < 0) {
      return "--volume-entries must be at least 1, was " + volumeEntries;
    }
    if (volumeBytes < 0) {
      return "--volume-bytes must be at least 1, was " + volumeBytes;
    }
    return null;
  }

  static void report(PrintWriter out, PrintWriter err, Path file, ExportResult result) {
    out.printf(
        java.util.Locale.ROOT,
        "wrote %s: %s %d file(s), %d assessment(s), %d %s, %d bytes, %d warning(s)%n",
        file,
        result.layout().id(),
        result.files(),
        result.assessments(),
        result.rows(),
        result.mediaType().startsWith("text/csv") ? "row(s)" : "entries",
        result.bytes(),
        result.warnings().size());
    List<ExportWarning> warnings = result.warnings();
    for (ExportWarning w : warnings) {
      err.println("warning: " + w);
    }
    out.flush();
    err.flush();
  }
}
