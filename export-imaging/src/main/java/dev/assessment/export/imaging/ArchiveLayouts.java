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
package dev.assessment.export.imaging;

import dev.assessment.export.core.Layout;

/**
 * The archive layouts that export-imaging writes.
 *
 * @since 0.2
 */
public final class ArchiveLayouts {
  /**
   * ZIP of the original files under standard names, with a manifest.
   *
   * @since 0.2
   */
  public static final Layout FILES = Layout.of("files");

  /**
   * ZIP of the images of one order with their annotations drawn on, named as in {@link #FILES},
   * with a manifest. A request for it needs an order.
   *
   * @since 0.2
   */
  public static final Layout ANNOTATED_FILES = Layout.of("annotated-files");

  private ArchiveLayouts() {}
}
