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
package dev.assessment.export.datasets;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.layout.FieldOptions;
import dev.assessment.export.core.layout.Fields;

/**
 * The options of the dataset layouts. Immutable; built by {@link #builder()}; a request without
 * them uses {@link #defaults()}.
 *
 * @since 0.2
 */
public final class DatasetOptions extends FieldOptions<DatasetOptions> {
  private static final Fields<DatasetOptions> FIELDS =
      Fields.of(DatasetOptions.class).output("images", o -> o.images).build();
  private static final DatasetOptions DEFAULTS = builder().build();

  private final boolean images;

  private DatasetOptions(Builder b) {
    this.images = b.images;
  }

  /**
   * Returns the defaults: images included.
   *
   * @return the default options
   * @since 0.2
   */
  public static DatasetOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the dataset options of a request, or the defaults when it carries none.
   *
   * @param request the request
   * @return the options
   * @since 0.2
   */
  public static DatasetOptions of(ExportRequest request) {
    return request.option(DatasetOptions.class).orElse(DEFAULTS);
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether the images are packed beside the annotations (default true); without them the
   * archive holds the annotations alone, whose file names still name the images as the files layout
   * does.
   *
   * @return true to pack the images
   * @since 0.2
   */
  public boolean images() {
    return images;
  }

  @Override
  protected Fields<DatasetOptions> fields() {
    return FIELDS;
  }

  /**
   * Builds {@link DatasetOptions}.
   *
   * @since 0.2
   */
  public static final class Builder {
    private boolean images = true;

    private Builder() {}

    /**
     * Packs the images beside the annotations, or not.
     *
     * @param images false to write the annotations alone
     * @return this builder
     * @since 0.2
     */
    public Builder images(boolean images) {
      this.images = images;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @since 0.2
     */
    public DatasetOptions build() {
      return new DatasetOptions(this);
    }
  }
}
