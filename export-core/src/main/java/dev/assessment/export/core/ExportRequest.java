package dev.assessment.export.core;

import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.FileQuery;
import jakarta.annotation.Nullable;
import java.util.Objects;

/**
 * One export: which workflow, which files and assessments, in which layout, with which options.
 * Immutable; built by {@link #builder(String)}, which checks every rule once in {@link
 * Builder#build()}.
 *
 * <pre>{@code
 * ExportRequest request = ExportRequest.builder("wf-1")
 *     .layout(Layout.ANNOTATIONS)
 *     .assessments(AssessmentScope.LATEST)
 *     .dataSource("ds-2")
 *     .bom(true)
 *     .build();
 * }</pre>
 */
public final class ExportRequest {
  private final String workflowId;
  private final AssessmentScope assessments;
  private final Layout layout;
  private final @Nullable String dataSourceId;
  private final @Nullable String orderId;
  private final boolean bom;
  private final boolean neutraliseFormulas;
  private final PolygonEncoding polygons;
  private final boolean strict;
  private final ArchiveOptions archive;
  private final @Nullable Shard shard;

  private ExportRequest(Builder b) {
    this.workflowId = b.workflowId;
    this.assessments = b.assessments;
    this.layout = b.layout;
    this.dataSourceId = b.dataSourceId;
    this.orderId = b.orderId;
    this.bom = b.bom;
    this.neutraliseFormulas = b.neutraliseFormulas;
    this.polygons = b.polygons;
    this.strict = b.strict;
    this.archive = b.archive;
    this.shard = b.shard;
  }

  /**
   * Returns a builder for a request on a workflow, with the defaults: {@link Layout#ATTRIBUTE_VALUES},
   * {@link AssessmentScope#ALL}, every data source and order, no BOM, formulas neutralised, WKT
   * polygons, not strict, {@link ArchiveOptions#defaults()}.
   *
   * @param workflowId the workflow to export
   * @return the builder
   * @throws IllegalArgumentException if the id is empty
   */
  public static Builder builder(String workflowId) {
    return new Builder(requireId(workflowId, "workflowId"));
  }

  /**
   * Returns a builder holding this request's settings, to derive a changed request.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(workflowId);
    b.assessments = assessments;
    b.layout = layout;
    b.dataSourceId = dataSourceId;
    b.orderId = orderId;
    b.bom = bom;
    b.neutraliseFormulas = neutraliseFormulas;
    b.polygons = polygons;
    b.strict = strict;
    b.archive = archive;
    b.shard = shard;
    return b;
  }

  /**
   * Returns the workflow to export.
   *
   * @return the workflow id
   */
  public String workflowId() {
    return workflowId;
  }

  /**
   * Returns which assessments of each file are exported.
   *
   * @return {@link AssessmentScope#ALL} or {@link AssessmentScope#LATEST}
   */
  public AssessmentScope assessments() {
    return assessments;
  }

  /**
   * Returns the output's layout.
   *
   * @return the layout
   */
  public Layout layout() {
    return layout;
  }

  /**
   * Returns the data source whose files are exported.
   *
   * @return the data source id, or null for every data source
   */
  public @Nullable String dataSourceId() {
    return dataSourceId;
  }

  /**
   * Returns the workflow order whose files are exported.
   *
   * @return the order id, or null for every file
   */
  public @Nullable String orderId() {
    return orderId;
  }

  /**
   * Tells whether CSV output starts with a UTF-8 byte order mark, for Excel.
   *
   * @return true to write the BOM
   */
  public boolean bom() {
    return bom;
  }

  /**
   * Tells whether text cells that a spreadsheet would run as a formula are neutralised.
   *
   * @return true (the default) to neutralise
   */
  public boolean neutraliseFormulas() {
    return neutraliseFormulas;
  }

  /**
   * Returns how the CSV layouts write polygons.
   *
   * @return the encoding
   */
  public PolygonEncoding polygons() {
    return polygons;
  }

  /**
   * Tells whether bad data fails the export instead of being reported as a warning.
   *
   * @return true for strict
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Returns the options and limits of the archive layouts.
   *
   * @return the options
   */
  public ArchiveOptions archive() {
    return archive;
  }

  /**
   * Returns the shard this request exports, when it exports a part.
   *
   * @return the shard, or null for the whole export
   */
  public @Nullable Shard shard() {
    return shard;
  }

  /**
   * Returns a fingerprint of everything in this request that decides the output's bytes (not
   * the shard, the threads or the read-ahead), so that parts of one request can be recognised.
   *
   * @return a lower-case hex SHA-256
   */
  public String fingerprint() {
    String canonical = String.join("\u0000", workflowId, assessments.name(), layout.name(),
        String.valueOf(dataSourceId), String.valueOf(orderId), Boolean.toString(bom),
        Boolean.toString(neutraliseFormulas), polygons.name(), Boolean.toString(strict),
        Boolean.toString(archive.manifest()), Integer.toString(archive.maxEntryNameBytes()),
        Float.toString(archive.jpegQuality()), Long.toString(archive.maxPixels()),
        Integer.toString(archive.maxLongEdge()), Boolean.toString(archive.fill()));
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Returns the repository query this request makes.
   *
   * @return the query with the workflow, filters and scope
   */
  public FileQuery query() {
    return new FileQuery(workflowId, dataSourceId, orderId, assessments);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ExportRequest)) {
      return false;
    }
    ExportRequest r = (ExportRequest) o;
    return workflowId.equals(r.workflowId)
        && assessments == r.assessments
        && layout == r.layout
        && Objects.equals(dataSourceId, r.dataSourceId)
        && Objects.equals(orderId, r.orderId)
        && bom == r.bom
        && neutraliseFormulas == r.neutraliseFormulas
        && polygons == r.polygons
        && strict == r.strict
        && archive.equals(r.archive)
        && Objects.equals(shard, r.shard);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        workflowId, assessments, layout, dataSourceId, orderId, bom, neutraliseFormulas, polygons,
        strict, archive, shard);
  }

  @Override
  public String toString() {
    return "ExportRequest[workflow=" + workflowId + ", layout=" + layout + ", assessments="
        + assessments + (dataSourceId == null ? "" : ", dataSource=" + dataSourceId)
        + (orderId == null ? "" : ", order=" + orderId) + ", bom=" + bom
        + ", neutraliseFormulas=" + neutraliseFormulas + ", polygons=" + polygons + ", strict="
        + strict + ", archive=" + archive + (shard == null ? "" : ", shard=" + shard) + "]";
  }

  private static String requireId(@Nullable String id, String field) {
    Objects.requireNonNull(id, field);
    if (id.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty: pass the id to export");
    }
    return id;
  }

  /** Builds an {@link ExportRequest}; setters may be called in any order. */
  public static final class Builder {
    private final String workflowId;
    private AssessmentScope assessments = AssessmentScope.ALL;
    private Layout layout = Layout.ATTRIBUTE_VALUES;
    private @Nullable String dataSourceId;
    private @Nullable String orderId;
    private boolean bom;
    private boolean neutraliseFormulas = true;
    private PolygonEncoding polygons = PolygonEncoding.WKT;
    private boolean strict;
    private ArchiveOptions archive = ArchiveOptions.defaults();
    private @Nullable Shard shard;

    private Builder(String workflowId) {
      this.workflowId = workflowId;
    }

    /**
     * Sets which assessments of each file are exported (default {@link AssessmentScope#ALL}).
     *
     * @param assessments the scope
     * @return this builder
     */
    public Builder assessments(AssessmentScope assessments) {
      this.assessments = Objects.requireNonNull(assessments, "assessments");
      return this;
    }

    /**
     * Sets the layout (default {@link Layout#ATTRIBUTE_VALUES}).
     *
     * @param layout the layout
     * @return this builder
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
     */
    public Builder dataSource(@Nullable String dataSourceId) {
      this.dataSourceId = dataSourceId == null ? null : requireId(dataSourceId, "dataSource");
      return this;
    }

    /**
     * Exports only the files of one workflow order (default: every file). Required for {@link
     * Layout#ANNOTATED_FILES}.
     *
     * @param orderId the order's id, or null for every file
     * @return this builder
     * @throws IllegalArgumentException if the id is empty
     */
    public Builder order(@Nullable String orderId) {
      this.orderId = orderId == null ? null : requireId(orderId, "order");
      return this;
    }

    /**
     * Writes a UTF-8 byte order mark before CSV output, so that Excel reads it as UTF-8
     * (default off).
     *
     * @param bom true to write the BOM
     * @return this builder
     */
    public Builder bom(boolean bom) {
      this.bom = bom;
      return this;
    }

    /**
     * Neutralises text cells that start with {@code =}, {@code +}, {@code -}, {@code @}, tab or
     * CR by prefixing an apostrophe, so that a spreadsheet shows them instead of running them
     * (default on). Numbers are never neutralised.
     *
     * @param neutraliseFormulas false to write text exactly as stored
     * @return this builder
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
     */
    public Builder polygons(PolygonEncoding polygons) {
      this.polygons = Objects.requireNonNull(polygons, "polygons");
      return this;
    }

    /**
     * Makes bad data fail the export instead of being written in a documented way or skipped
     * and reported (default off).
     *
     * @param strict true for strict
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets the options and limits of the archive layouts (default {@link
     * ArchiveOptions#defaults()}).
     *
     * @param archive the options
     * @return this builder
     */
    public Builder archive(ArchiveOptions archive) {
      this.archive = Objects.requireNonNull(archive, "archive");
      return this;
    }

    /**
     * Exports one shard of the request, as a part to merge (default: the whole export).
     *
     * @param index which shard, from 0
     * @param count how many shards
     * @return this builder
     * @throws IllegalArgumentException if the index is outside {@code [0, count)}
     */
    public Builder shard(int index, int count) {
      this.shard = new Shard(index, count);
      return this;
    }

    /**
     * Exports the whole request rather than a shard (the default).
     *
     * @return this builder
     */
    public Builder wholeExport() {
      this.shard = null;
      return this;
    }

    /**
     * Checks the settings together and builds the request.
     *
     * @return the request
     * @throws IllegalStateException if the settings conflict, e.g. {@link Layout#ANNOTATED_FILES}
     *     without an order
     */
    public ExportRequest build() {
      if (layout == Layout.ANNOTATED_FILES && orderId == null) {
        throw new IllegalStateException("ANNOTATED_FILES needs an order: call order(id)");
      }
      return new ExportRequest(this);
    }
  }
}
