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

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code assessment-export} command: {@code export}, {@code demo}, {@code load}, {@code
 * deliver}.
 */
@Command(
    name = "assessment-export",
    mixinStandardHelpOptions = true,
    version = "assessment-export 0.2.0-SNAPSHOT",
    description = "Exports assessment workflows as CSV reports and ZIP archives.",
    subcommands = {ExportCommand.class, DemoCommand.class, LoadCommand.class, DeliverCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Creates the command. */
  public Main() {}

  /**
   * Runs the command line and exits with its status: 0 on success, 1 when the export failed, 2 on a
   * usage error.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit status.
   *
   * @param args the arguments
   * @return 0 on success, 1 when the export failed, 2 on a usage error
   */
  public static int run(String... args) {
    return run(
        new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /**
   * Runs the command line with the given output streams and returns its exit status.
   *
   * @param out where summaries go
   * @param err where warnings, errors and progress go
   * @param args the arguments
   * @return 0 on success, 1 when the export failed, 2 on a usage error
   */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + oneLine(e));
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replace('\n', ' ').replace('\r', ' ');
  }
}
