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

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which files, and which of their assessments, an export asks a repository for. Built by {@link
 * #builder(String)}; immutable.
 *
 * <p>The query may gain filters in later versions, so plugin code never constructs it field by
 * field, and a repository reads only the filters it knows. The rule that keeps older repositories
 * correct: a repository may return <em>more</em> files or assessments than the query asks for,
 * never fewer, because the exporter re-applies every filter ({@link #selects(MediaFile)}) and the
 * scope to what it receives. A repository that does not understand a future filter simply returns
 * more.
 *
 * @since 0.2
 */
public final class FileQuery {
  private final String workflowId;
  private final @Nullable String dataSourceId;
  private final @Nullable String orderId;
  private final AssessmentScope scope;

  private FileQuery(Builder b) {
    this.workflowId = b.workflowId;
    this.dataSourceId = b.dataSourceId;
    this.orderId = b.orderId;
    this.scope = b.scope;
  }

  /**
   * Returns a builder of a query for every file of a workflow and all their assessments.
   *
   * @param workflowId the workflow's id
   * @return the builder
   * @throws IllegalArgumentException if the id is empty
   * @since 0.2
   */
  public static Builder builder(String workflowId) {
    return new Builder(Checks.id(workflowId, "workflow id"));
  }

  /**
   * Returns a query for every file of a workflow and all their assessments.
   *
   * @param workflowId the workflow's id
   * @return the query
   * @throws IllegalArgumentException if the id is empty
   * @since 0.2
   */
  public static FileQuery all(String workflowId) {
    return builder(workflowId).build();
  }

  /**
   * Returns the workflow whose files are wanted.
   *
   * @return the workflow id
   * @since 0.2
   */
  public String workflowId() {
    return workflowId;
  }

  /**
   * Returns the data source whose files are wanted.
   *
   * @return the data source id, or null for every data source
   * @since 0.2
   */
  public @Nullable String dataSourceId() {
    return dataSourceId;
  }

  /**
   * Returns the order whose files are wanted.
   *
   * @return the order id, or null for every file
   * @since 0.2
   */
  public @Nullable String orderId() {
    return orderId;
  }

  /**
   * Returns which assessments of each file are wanted. A repository that cannot push {@link
   * AssessmentScope#LATEST} down may return every assessment; one that does must keep every
   * assessment tied for latest, since the exporter breaks ties.
   *
   * @return the scope
   * @since 0.2
   */
  public AssessmentScope scope() {
    return scope;
  }

  /**
   * Returns a builder holding this query's settings.
   *
   * @return the builder
   * @since 0.2
   */
  public Builder toBuilder() {
    return new Builder(workflowId).dataSourceId(dataSourceId).orderId(orderId).scope(scope);
  }

  /**
   * Tells whether a file passes this query's workflow, data source and order filters.
   *
   * @param file the file
   * @return true when the file is selected
   * @since 0.2
   */
  public boolean selects(MediaFile file) {
    return file.workflowId().equals(workflowId)
        && (dataSourceId == null || dataSourceId.equals(file.dataSourceId()))
        && (orderId == null || orderId.equals(file.orderId()));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FileQuery q
        && q.workflowId.equals(workflowId)
        && Objects.equals(q.dataSourceId, dataSourceId)
        && Objects.equals(q.orderId, orderId)
        && q.scope == scope;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workflowId, dataSourceId, orderId, scope);
  }

  @Override
  public String toString() {
    return "FileQuery[workflowId="
        + workflowId
        + (dataSourceId == null ? "" : ", dataSourceId=" + dataSourceId)
        + (orderId == null ? "" : ", orderId=" + orderId)
        + ", scope="
        + scope
        + "]";
  }

  /**
   * Builds a {@link FileQuery}.
   *
   * @since 0.2
   */
  public static final class Builder {
    private final String workflowId;
    private @Nullable String dataSourceId;
    private @Nullable String orderId;
    private AssessmentScope scope = AssessmentScope.ALL;

    private Builder(String workflowId) {
      this.workflowId = workflowId;
    }

    /**
     * Asks only for the files of one data source (default: every data source).
     *
     * @param dataSourceId the data source's id, or null for every data source
     * @return this builder
     * @throws IllegalArgumentException if the id is empty
     * @since 0.2
     */
    public Builder dataSourceId(@Nullable String dataSourceId) {
      this.dataSourceId = dataSourceId == null ? null : Checks.id(dataSourceId, "data source id");
      return this;
    }

    /**
     * Asks only for the files of one order (default: every file).
     *
     * @param orderId the order's id, or null for every file
     * @return this builder
     * @throws IllegalArgumentException if the id is empty
     * @since 0.2
     */
    public Builder orderId(@Nullable String orderId) {
      this.orderId = orderId == null ? null : Checks.id(orderId, "order id");
      return this;
    }

    /**
     * Sets which assessments of each file are wanted (default {@link AssessmentScope#ALL}).
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
     * Builds the query.
     *
     * @return the query
     * @since 0.2
     */
    public FileQuery build() {
      return new FileQuery(this);
    }
  }
}
