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

/**
 * Thrown by an export that was cancelled through {@link ExportJob#cancel()}.
 *
 * @since 0.2
 */
public class ExportCancelledException extends ExportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which export was cancelled and where it stopped
   * @since 0.2
   */
  public ExportCancelledException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message which export was cancelled and where it stopped
   * @param cause the interruption that cancelled it
   * @since 0.2
   */
  public ExportCancelledException(String message, Throwable cause) {
    super(message, cause);
  }
}
