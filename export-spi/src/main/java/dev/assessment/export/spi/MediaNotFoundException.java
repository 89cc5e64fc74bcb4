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
package dev.assessment.export.spi;

import java.io.IOException;

/**
 * Thrown by {@link MediaRepository#open(MediaFile)} when the storage holds no content for a file.
 * Archive exports skip such a file and report it, unless the export is strict.
 *
 * @since 0.2
 */
public class MediaNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing, naming the file
   * @since 0.2
   */
  public MediaNotFoundException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is missing, naming the file
   * @param cause the storage's own exception
   * @since 0.2
   */
  public MediaNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
