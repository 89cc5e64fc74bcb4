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
package dev.assessment.export.core;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong while exporting: an unknown id, a repository or sink that failed, bad data in
 * strict mode, a cancel. The message names what failed, which id, and where possible the fix.
 *
 * @since 0.2
 */
public class ExportException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, which, and how to fix it
   * @since 0.2
   */
  public ExportException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed, which, and how to fix it
   * @param cause the exception of the repository, sink or codec that failed
   * @since 0.2
   */
  public ExportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
