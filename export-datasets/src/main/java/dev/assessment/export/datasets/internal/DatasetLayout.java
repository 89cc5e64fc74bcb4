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
package dev.assessment.export.datasets.internal;

import dev.assessment.export.core.Layout;
import dev.assessment.export.core.layout.LayoutOptions;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.core.layout.PartMerger;
import dev.assessment.export.datasets.DatasetOptions;
import dev.assessment.export.imaging.ArchiveOptions;
import java.util.Set;

/** What the dataset layouts share: a ZIP, their options, and no merge. */
abstract class DatasetLayout implements LayoutProvider {
  private final Layout layout;
  private final String unmergeable;

  DatasetLayout(Layout layout, String unmergeable) {
    this.layout = layout;
    this.unmergeable = unmergeable;
  }

  @Override
  public final Layout layout() {
    return layout;
  }

  @Override
  public final String extension() {
    return "zip";
  }

  @Override
  public final String mediaType() {
    return "application/zip";
  }

  @Override
  public final Set<Class<? extends LayoutOptions>> optionTypes() {
    return Set.of(DatasetOptions.class, ArchiveOptions.class);
  }

  @Override
  public final PartMerger merger() {
    return PartMerger.unsupported(unmergeable);
  }
}
