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

import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes written to a sink's stream (Commons IO's {@code CountingOutputStream}), marks
 * what the sink throws as a {@link SinkFailure} so that the exporter can say the sink failed, and
 * does not close the sink: the exporter commits or aborts the sink's target.
 */
public final class CountingOutputStream extends org.apache.commons.io.output.CountingOutputStream {

  /**
   * Wraps a sink's stream.
   *
   * @param out the stream
   */
  public CountingOutputStream(OutputStream out) {
    super(out);
  }

  /**
   * Returns the number of bytes written.
   *
   * @return the count
   */
  public long count() {
    return getByteCount();
  }

  @Override
  protected void handleIOException(IOException e) throws IOException {
    throw new SinkFailure(e);
  }

  @Override
  public void close() {
    // The exporter commits or aborts the sink's target; closing the wrapper does nothing.
  }

  /** An exception the sink threw, marked as such. */
  public static final class SinkFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SinkFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
