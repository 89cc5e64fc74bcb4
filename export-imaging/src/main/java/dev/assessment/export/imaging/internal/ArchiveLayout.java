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
package dev.assessment.export.imaging.internal;

import dev.assessment.export.core.Layout;
import dev.assessment.export.core.layout.LayoutOptions;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.core.layout.PartMerger;
import dev.assessment.export.imaging.ArchiveOptions;
import dev.assessment.export.imaging.ArchiveParts;
import java.util.Set;

/** What the archive layouts share: one layout each, written as a ZIP, merged by raw copy. */
abstract class ArchiveLayout implements LayoutProvider {
  private final Layout layout;

  ArchiveLayout(Layout layout) {
    this.layout = layout;
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
    return Set.of(ArchiveOptions.class);
  }

  @Override
  public final PartMerger merger() {
    return ArchiveParts::merge;
  }
}
