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
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.ExportSink;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.core.Layout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: generates a sample workflow bundle into {@code DIR/bundle}, reads it back as a host
 * would, and exports it into {@code DIR} in every layout the exporter finds on the class path,
 * whichever modules provide them.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generates a sample workflow bundle and exports every available layout.")
final class DemoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write.")
  private Path out;

  @Option(
      names = "--files",
      defaultValue = "24",
      paramLabel = "N",
      description = "How many files the sample workflow has (default 24).")
  private int files;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (files < 1) {
      err.println("error: --files must be at least 1, was " + files);
      return 2;
    }
    Path bundle = out.resolve("bundle");
    Files.createDirectories(bundle);
    Bundle.write(SampleWorkflow.create(files, 42), SampleWorkflow.WORKFLOW_ID, bundle);
    stdout.println("wrote the sample bundle to " + bundle);

    BundleRepository repository = Bundle.open(bundle);
    Exporter exporter = Exporter.builder().repository(repository).build();
    for (Layout layout : exporter.layouts()) {
      ExportRequest request =
          ExportRequest.builder(SampleWorkflow.WORKFLOW_ID).layout(layout).build();
      try {
        exporter.check(request);
      } catch (IllegalStateException e) {
        // A layout that will not take the whole workflow (annotated files need an order) gets
        // the sample's first order.
        request = request.toBuilder().orderId(SampleWorkflow.FIRST_ORDER).build();
      }
      String extension = exporter.provider(layout).orElseThrow().extension();
      Path target = out.resolve(layout.id() + "." + extension);
      ExportResult result = exporter.export(request, ExportSink.of(target));
      ExportCommand.report(stdout, err, target, result);
    }
    return 0;
  }
}
