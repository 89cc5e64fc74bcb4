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

import dev.assessment.export.core.layout.Fields;
import dev.assessment.export.core.layout.LayoutOptions;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.FileQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One export: which workflow, which files and assessments, in which layout, with which options.
 * Immutable; built by {@link #builder(String)}, which checks every rule once in {@link
 * Builder#build()}.
 *
 * <pre>{@code
 * ExportRequest request = ExportRequest.builder("wf-1")
 *     .layout(CsvLayouts.ANNOTATIONS)
 *     .scope(AssessmentScope.LATEST)
 *     .dataSourceId("ds-2")
 *     .bom(true)
 *     .build();
 * }</pre>
 *
 * @since 0.2
 */
public final class ExportRequest {
  private static final Fields<ExportRequest> FIELDS =
      Fields.of(ExportRequest.class)
          .output("workflowId", r -> r.workflowId)
          .output("scope", r -> r.scope)
          .output("layout", r -> r.layout)
          .output("dataSourceId", r -> r.dataSourceId)
          .output("orderId", r -> r.orderId)
          .output("bom", r -> r.bom)
          .output("neutraliseFormulas", r -> r.neutraliseFormulas)
          .output("polygons", r -> r.polygons)
          .output("strict", r -> r.strict)
          .output("options", r -> r.options)
          .tuning("shard", r -> r.shard)
          .build();

  private final String workflowId;
  private final AssessmentScope scope;
  private final Layout layout;
  private final @Nullable String dataSourceId;
  private final @Nullable String orderId;
  private final boolean bom;
  private final boolean neutraliseFormulas;
  private final PolygonEncoding polygons;
  private final boolean strict;
  private final Map<Class<? extends LayoutOptions>, LayoutOptions> options;
  private final @Nullable Shard shard;

  private ExportRequest(Builder b) {
    this.workflowId = b.workflowId;
    this.scope = b.scope;
    this.layout = b.layout;
    this.dataSourceId = b.dataSourceId;
    this.orderId = b.orderId;
    this.bom = b.bom;
    this.neutraliseFormulas = b.neutraliseFormulas;
    this.polygons = b.polygons;
    this.strict = b.strict;
    this.options = Map.copyOf(b.options);
    this.shard = b.shard;
  }

  /**
   * Returns a builder for a request on a workflow, with the defaults: {@link
   * CsvLayouts#ATTRIBUTE_VALUES}, {@link AssessmentScope#ALL}, every data source and order, no BOM,
   * formulas neutralised, WKT polygons, not strict, no layout options.
   *
   * @param workflowId the workflow to export
   * @return the builder
   * @throws IllegalArgumentException if the id is empty
   * @since 0.2
   */
  public static Builder builder(String workflowId) {
    return new Builder(requireId(workflowId, "workflowId"));
  }

  /**
   * Returns a builder holding this request's settings, to derive a changed request.
   *
   * @return the builder
   * @since 0.2
   */
  public Builder toBuilder() {
    Builder b = new Builder(workflowId);
    b.scope = scope;
    b.layout = layout;
    b.dataSourceId = dataSourceId;
    b.orderId = orderId;
    b.bom = bom;
    b.neutraliseFormulas = neutraliseFormulas;
    b.polygons = polygons;
    b.strict = strict;
    b.options.putAll(options);
    b.shard = shard;
    return b;
  }

  /**
   * Returns the workflow to export.
   *
   * @return the workflow id
   * @since 0.2
   */
  public String workflowId() {
    return workflowId;
  }

  /**
   * Returns which assessments of each file are exported.
   *
   * @return {@link AssessmentScope#ALL} or {@link AssessmentScope#LATEST}
   * @since 0.2
   */
  public AssessmentScope scope() {
    return scope;
  }

  /**
   * Returns the output's layout.
   *
   * @return the layout
   * @since 0.2
   */
  public Layout layout() {
    return layout;
  }

  /**
   * Returns the data source whose files are exported.
   *
   * @return the data source id, or null for every data source
   * @since 0.2
   */
  public @Nullable String dataSourceId() {
    return dataSourceId;
  }

  /**
   * Returns the workflow order whose files are exported.
   *
   * @return the order id, or null for every file
   * @since 0.2
   */
  public @Nullable String orderId() {
    return orderId;
  }

  /**
   * Tells whether CSV output starts with a UTF-8 byte order mark, for Excel.
   *
   * @return true to write the BOM
   * @since 0.2
   */
  public boolean bom() {
    return bom;
  }

  /**
   * Tells whether text cells that a spreadsheet would run as a formula are neutralised.
   *
   * @return true (the default) to neutralise
   * @since 0.2
   */
  public boolean neutraliseFormulas() {
    return neutraliseFormulas;
  }

  /**
   * Returns how the CSV layouts write polygons.
   *
   * @return the encoding
   * @since 0.2
   */
  public PolygonEncoding polygons() {
    return polygons;
  }

  /**
   * Tells whether bad data fails the export instead of being reported as a warning.
   *
   * @return true for strict
   * @since 0.2
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Returns the layout option of a type that this request carries.
   *
   * @param type the option's class, e.g. export-imaging's {@code ArchiveOptions.class}
   * @param <T> the option's type
   * @return the option, or empty when the request carries none of that type (the layout then uses
   *     its defaults)
   * @since 0.2
   */
  public <T extends LayoutOptions> Optional<T> option(Class<T> type) {
    return Optional.ofNullable(options.get(type)).map(type::cast);
  }

  /**
   * Returns every layout option this request carries, by type.
   *
   * @return the options; unmodifiable
   * @since 0.2
   */
  public Map<Class<? extends LayoutOptions>, LayoutOptions> options() {
    return options;
  }

  /**
   * Returns the shard this request exports, when it exports a part.
   *
   * @return the shard, or null for the whole export
   * @since 0.2
   */
  public @Nullable Shard shard() {
    return shard;
  }

  /**
   * Returns a fingerprint of everything in this request that decides the output's bytes (not the
   * shard, the threads or the read-ahead), so that parts of one request can be recognised.
   *
   * @return a lower-case hex SHA-256
   * @since 0.2
   */
  public String fingerprint() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(FIELDS.fingerprint(this).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Returns the fields this request's equality, hash, text and fingerprint are derived from.
   *
   * @return the names, in order
   * @since 0.2
   */
  static Fields<ExportRequest> fields() {
    return FIELDS;
  }

  /**
   * Returns the repository query this request makes.
   *
   * @return the query with the workflow, filters and scope
   * @since 0.2
   */
  public FileQuery query() {
    return FileQuery.builder(workflowId)
        .dataSourceId(dataSourceId)
        .orderId(orderId)
        .scope(scope)
        .build();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return FIELDS.equals(this, o);
  }

  @Override
  public int hashCode() {
    return FIELDS.hashCode(this);
  }

  @Override
  public String toString() {
    return FIELDS.toString(this);
  }

  private static String requireId(@Nullable String id, String field) {
    Objects.requireNonNull(id, field);
    if (id.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty: pass the id to export");
    }
    return id;
  }

  /**
   * Builds an {@link ExportRequest}; setters may be called in any order.
   *
   * @since 0.2
   */
  public static final class Builder {
    private final String workflowId;
    private AssessmentScope scope = AssessmentScope.ALL;
    private Layout layout = CsvLayouts.ATTRIBUTE_VALUES;
    private @Nullable String dataSourceId;
    private @Nullable String orderId;
    private boolean bom;
    private boolean neutraliseFormulas = true;
    private PolygonEncoding polygons = PolygonEncoding.WKT;
    private boolean strict;
    private final Map<Class<? extends LayoutOptions>, LayoutOptions> options =
        new LinkedHashMap<>();
    private @Nullable Shard shard;

    private Builder(String workflowId) {
      this.workflowId = workflowId;
    }

    /**
     * Sets which assessments of each file are exported (default {@link AssessmentScope#ALL}).
     *
     * @param scope the scope
     * @return this builder
     * @since 0.2
     */
    public Builder scope(AssessmentScope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Sets the layout (default {@link CsvLayouts#ATTRIBUTE_VALUES}). Whether an exporter can write
     * it, and whether the other settings suit it, is checked when the request is exported.
     *
     * @param layout the layout
     * @return this builder
     * @since 0.2
     */
    public Builder layout(Layout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /**
     * Exports only the files of one data source (default: every data source).
     *
     * @param dataSourceId the data source's id, or null for every data source
     * @return this builder
     * @throws IllegalArgumentException if the id is empty
     * @since 0.2
     */
    public Builder dataSourceId(@Nullable String dataSourceId) {
      this.dataSourceId = dataSourceId == null ? null : requireId(dataSourceId, "dataSourceId");
      return this;
    }

    /**
     * Exports only the files of one workflow order (default: every file). Some layouts require one
     * (export-imaging's annotated files).
     *
     * @param orderId the order's id, or null for every file
     * @return this builder
     * @throws IllegalArgumentException if the id is empty
     * @since 0.2
     */
    public Builder orderId(@Nullable String orderId) {
      this.orderId = orderId == null ? null : requireId(orderId, "orderId");
      return this;
    }

    /**
     * Writes a UTF-8 byte order mark before CSV output, so that Excel reads it as UTF-8 (default
     * off).
     *
     * @param bom true to write the BOM
     * @return this builder
     * @since 0.2
     */
    public Builder bom(boolean bom) {
      this.bom = bom;
      return this;
    }

    /**
     * Neutralises text cells that start with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR
     * by prefixing an apostrophe, so that a spreadsheet shows them instead of running them (default
     * on). Numbers are never neutralised.
     *
     * @param neutraliseFormulas false to write text exactly as stored
     * @return this builder
     * @since 0.2
     */
    public Builder neutraliseFormulas(boolean neutraliseFormulas) {
      this.neutraliseFormulas = neutraliseFormulas;
      return this;
    }

    /**
     * Sets how polygons are written in the CSV layouts (default {@link PolygonEncoding#WKT}).
     *
     * @param polygons the encoding
     * @return this builder
     * @since 0.2
     */
    public Builder polygons(PolygonEncoding polygons) {
      this.polygons = Objects.requireNonNull(polygons, "polygons");
      return this;
    }

    /**
     * Makes bad data fail the export instead of being written in a documented way or skipped and
     * reported (default off).
     *
     * @param strict true for strict
     * @return this builder
     * @since 0.2
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets a layout's typed options, replacing any earlier option of the same class (default: none,
     * so the layout uses its defaults). The layout refuses option types it does not read.
     *
     * @param option the option, e.g. {@code ArchiveOptions.builder().maxLongEdge(2048).build()}
     * @return this builder
     * @since 0.2
     */
    public Builder option(LayoutOptions option) {
      Objects.requireNonNull(option, "option");
      options.put(option.getClass(), option);
      return this;
    }

    /**
     * Removes the option of a type, so that the layout uses its defaults.
     *
     * @param type the option's class
     * @return this builder
     * @since 0.2
     */
    public Builder clearOption(Class<? extends LayoutOptions> type) {
      options.remove(Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Exports one shard of the request, as a part to merge (default: the whole export).
     *
     * @param index which shard, from 0
     * @param count how many shards
     * @return this builder
     * @throws IllegalArgumentException if the index is outside {@code [0, count)}
     * @since 0.2
     */
    public Builder shard(int index, int count) {
      this.shard = new Shard(index, count);
      return this;
    }

    /**
     * Exports the whole request rather than a shard (the default).
     *
     * @return this builder
     * @since 0.2
     */
    public Builder wholeExport() {
      this.shard = null;
      return this;
    }

    /**
     * Builds the request. The rules of the chosen layout (e.g. that annotated files need an order)
     * are checked by the layout when the request is exported, since layouts are plugins.
     *
     * @return the request
     * @since 0.2
     */
    public ExportRequest build() {
      return new ExportRequest(this);
    }
  }
}
