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
package dev.assessment.export.core.internal;

import dev.assessment.export.core.ExportSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The built-in sinks. */
public final class Sinks {
  private static final Logger LOG = LoggerFactory.getLogger(Sinks.class);
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private Sinks() {}

  /**
   * A sink over a stream the caller owns: flushed on commit, never closed.
   *
   * @param out the stream
   * @return the sink
   */
  public static ExportSink stream(OutputStream out) {
    Objects.requireNonNull(out, "out");
    return () -> {
      // The caller owns the stream: nothing the export does closes it.
      OutputStream unclosable = CloseShieldOutputStream.wrap(out);
      return new ExportSink.Target() {
        @Override
        public OutputStream stream() {
          return unclosable;
        }

        @Override
        public void commit() throws IOException {
          out.flush();
        }

        @Override
        public void abort() {
          // The caller owns the stream and decides what to do with what was written.
        }
      };
    };
  }

  /**
   * A sink that writes a temporary file beside the path and moves it into place on commit.
   *
   * @param path the file to write
   * @return the sink
   */
  public static ExportSink path(Path path) {
    Path target = path.toAbsolutePath();
    return () -> {
      Path dir = Objects.requireNonNull(target.getParent(), "an absolute path has a parent");
      Files.createDirectories(dir);
      // Not Files.createTempFile: its owner-only permissions would stay on the result.
      Path temp =
          dir.resolve(
              "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
      OutputStream stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
      return new ExportSink.Target() {
        private boolean closed;

        @Override
        public OutputStream stream() {
          return stream;
        }

        @Override
        public void commit() throws IOException {
          closeOnce();
          try {
            Files.move(
                temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }

        @Override
        public void abort() {
          try {
            closeOnce();
          } catch (IOException e) {
            LOG.debug("closing {} after a failed export failed too", temp, e);
          }
          try {
            Files.deleteIfExists(temp);
          } catch (IOException e) {
            LOG.warn("could not delete the partial export {}: {}", temp, e.toString());
          }
        }

        private void closeOnce() throws IOException {
          if (!closed) {
            closed = true;
            stream.close();
          }
        }
      };
    };
  }
}
