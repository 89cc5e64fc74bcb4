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
package dev.assessment.export.spi.memory;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A repository held in memory that implements every repository interface of the SPI and honours
 * every filter, for tests and small tools.
 *
 * <p>Files are listed in the order they were added. Media content is held as bytes or read from a
 * path when opened. Every stream it hands out is counted, so that a test can assert with {@link
 * #openStreams()} that the code under test closed them all. Instances are immutable apart from
 * those counters and safe to use from several threads.
 *
 * @since 0.2
 */
public final class InMemoryRepository
    implements WorkflowRepository, AssessmentRepository, MediaRepository {

  private final Map<String, Workflow> workflows;
  private final List<WorkflowOrder> orders;
  private final List<DataSource> dataSources;
  private final List<AssessedFile> files;
  private final Map<String, Content> media;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicLong mediaOpened = new AtomicLong();

  private InMemoryRepository(Builder builder) {
    this.workflows = Collections.unmodifiableMap(new LinkedHashMap<>(builder.workflows));
    this.orders = List.copyOf(builder.orders.values());
    this.dataSources = List.copyOf(builder.dataSources.values());
    this.files = List.copyOf(builder.files.values());
    this.media = Map.copyOf(builder.media);
  }

  /**
   * Returns a builder for an empty repository.
   *
   * @return a new builder
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<Workflow> workflow(String workflowId) {
    return Optional.ofNullable(workflows.get(workflowId));
  }

  @Override
  public List<WorkflowOrder> orders(String workflowId) {
    return orders.stream().filter(o -> o.workflowId().equals(workflowId)).toList();
  }

  @Override
  public List<DataSource> dataSources(String workflowId) {
    return dataSources.stream().filter(d -> d.workflowId().equals(workflowId)).toList();
  }

  @Override
  public Stream<AssessedFile> assessedFiles(FileQuery query) {
    Objects.requireNonNull(query, "query");
    return tracked(
        files.stream()
            .filter(f -> query.selects(f.file()))
            .map(f -> query.scope() == AssessmentScope.LATEST ? latestOnly(f) : f));
  }

  @Override
  public Stream<MediaFile> files(FileQuery query) {
    Objects.requireNonNull(query, "query");
    return tracked(files.stream().map(AssessedFile::file).filter(query::selects));
  }

  @Override
  public OptionalLong countFiles(FileQuery query) {
    return OptionalLong.of(files.stream().filter(f -> query.selects(f.file())).count());
  }

  @Override
  public InputStream open(MediaFile file) throws IOException {
    Content content = media.get(file.id());
    if (content == null) {
      throw new MediaNotFoundException("no content for file " + file.id());
    }
    InputStream in = content.open(file);
    mediaOpened.incrementAndGet();
    opened.incrementAndGet();
    return new FilterInputStream(in) {
      private boolean done;

      @Override
      public void close() throws IOException {
        if (!done) {
          done = true;
          closed.incrementAndGet();
        }
        super.close();
      }
    };
  }

  /**
   * Returns every workflow, in the order added.
   *
   * @return the workflows
   * @since 0.2
   */
  public List<Workflow> workflows() {
    return List.copyOf(workflows.values());
  }

  /**
   * Returns every file of a workflow with all its assessments, in the order added, without counting
   * a stream.
   *
   * @param workflowId the workflow's id
   * @return the files
   * @since 0.2
   */
  public List<AssessedFile> contents(String workflowId) {
    return files.stream().filter(f -> f.file().workflowId().equals(workflowId)).toList();
  }

  /**
   * Tells whether content is held for a file.
   *
   * @param fileId the file's id
   * @return true when {@link #open(MediaFile)} would return content
   * @since 0.2
   */
  public boolean hasContent(String fileId) {
    return media.containsKey(fileId);
  }

  /**
   * Returns the number of streams (file streams and media streams) handed out and not yet closed.
   *
   * @return zero when every stream was closed
   * @since 0.2
   */
  public int openStreams() {
    return opened.get() - closed.get();
  }

  /**
   * Returns the number of streams handed out so far, closed or not.
   *
   * @return the count
   * @since 0.2
   */
  public int streamsOpened() {
    return opened.get();
  }

  private <T> Stream<T> tracked(Stream<T> stream) {
    opened.incrementAndGet();
    return stream.onClose(closed::incrementAndGet);
  }

  private static AssessedFile latestOnly(AssessedFile file) {
    return file.assessments().stream()
        .max(Assessment.RECENCY)
        .map(latest -> new AssessedFile(file.file(), List.of(latest)))
        .orElse(file);
  }

  /** Where a file's content comes from. */
  private interface Content {
    InputStream open(MediaFile file) throws IOException;
  }

  /**
   * Builds an {@link InMemoryRepository}. The convenience methods that take no workflow id ({@link
   * #dataSource(String, String)}, {@link #order(String, String)}, {@link #file(String, Consumer)})
   * add to the workflow added last.
   *
   * @since 0.2
   */
  public static final class Builder {
    private final Map<String, Workflow> workflows = new LinkedHashMap<>();
    private final Map<String, WorkflowOrder> orders = new LinkedHashMap<>();
    private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
    private final Map<String, AssessedFile> files = new LinkedHashMap<>();
    private final Map<String, Content> media = new LinkedHashMap<>();
    private @Nullable String currentWorkflow;

    private Builder() {}

    /**
     * Adds a workflow and makes it the current one.
     *
     * @param workflow the workflow
     * @return this builder
     * @throws IllegalStateException if a workflow with that id was added already
     * @since 0.2
     */
    public Builder workflow(Workflow workflow) {
      Objects.requireNonNull(workflow, "workflow");
      if (workflows.putIfAbsent(workflow.id(), workflow) != null) {
        throw new IllegalStateException("workflow " + workflow.id() + " was already added");
      }
      currentWorkflow = workflow.id();
      return this;
    }

    /**
     * Adds a workflow and makes it the current one.
     *
     * @param id the workflow's id
     * @param name its name
     * @param attributes its attribute definitions, in display order
     * @return this builder
     * @throws IllegalStateException if a workflow with that id was added already
     * @since 0.2
     */
    public Builder workflow(String id, String name, AttributeDefinition... attributes) {
      return workflow(new Workflow(id, name, List.of(attributes)));
    }

    /**
     * Adds a data source.
     *
     * @param dataSource the data source
     * @return this builder
     * @throws IllegalStateException if its workflow was not added, or its id was added already
     * @since 0.2
     */
    public Builder dataSource(DataSource dataSource) {
      requireWorkflow(dataSource.workflowId());
      if (dataSources.putIfAbsent(dataSource.id(), dataSource) != null) {
        throw new IllegalStateException("data source " + dataSource.id() + " was already added");
      }
      return this;
    }

    /**
     * Adds a data source to the current workflow.
     *
     * @param id the data source's id
     * @param name its name
     * @return this builder
     * @throws IllegalStateException if no workflow was added, or the id was added already
     * @since 0.2
     */
    public Builder dataSource(String id, String name) {
      return dataSource(new DataSource(id, current(), name));
    }

    /**
     * Adds a workflow order.
     *
     * @param order the order
     * @return this builder
     * @throws IllegalStateException if its workflow was not added, or its id was added already
     * @since 0.2
     */
    public Builder order(WorkflowOrder order) {
      requireWorkflow(order.workflowId());
      if (orders.putIfAbsent(order.id(), order) != null) {
        throw new IllegalStateException("order " + order.id() + " was already added");
      }
      return this;
    }

    /**
     * Adds a workflow order to the current workflow.
     *
     * @param id the order's id
     * @param name its name
     * @return this builder
     * @throws IllegalStateException if no workflow was added, or the id was added already
     * @since 0.2
     */
    public Builder order(String id, String name) {
      return order(new WorkflowOrder(id, current(), name));
    }

    /**
     * Adds a file with its assessments.
     *
     * @param file the file
     * @param assessments its assessments
     * @return this builder
     * @throws IllegalStateException if the file's workflow, data source or order was not added, or
     *     a file with that id was added already
     * @since 0.2
     */
    public Builder file(MediaFile file, List<Assessment> assessments) {
      requireWorkflow(file.workflowId());
      if (!dataSources.containsKey(file.dataSourceId())) {
        throw new IllegalStateException(
            "file "
                + file.id()
                + " names data source "
                + file.dataSourceId()
                + ", which was not added: add it with dataSource(…) first");
      }
      if (file.orderId() != null && !orders.containsKey(file.orderId())) {
        throw new IllegalStateException(
            "file "
                + file.id()
                + " names order "
                + file.orderId()
                + ", which was not added: add it with order(…) first");
      }
      if (files.putIfAbsent(file.id(), new AssessedFile(file, assessments)) != null) {
        throw new IllegalStateException("file " + file.id() + " was already added");
      }
      return this;
    }

    /**
     * Adds a file to the current workflow, described by a {@link FileSpec}.
     *
     * @param id the file's id
     * @param spec sets the file's fields, content and assessments
     * @return this builder
     * @throws IllegalStateException as {@link #file(MediaFile, List)} does, or if no data source
     *     was named and the workflow does not have exactly one
     * @since 0.2
     */
    public Builder file(String id, Consumer<FileSpec> spec) {
      FileSpec fileSpec = new FileSpec(id);
      spec.accept(fileSpec);
      String workflowId = current();
      String dataSourceId = fileSpec.dataSourceId;
      if (dataSourceId == null) {
        List<String> candidates =
            dataSources.values().stream()
                .filter(d -> d.workflowId().equals(workflowId))
                .map(DataSource::id)
                .toList();
        if (candidates.size() != 1) {
          throw new IllegalStateException(
              "file "
                  + id
                  + " names no data source and workflow "
                  + workflowId
                  + " has "
                  + candidates.size()
                  + ": call dataSourceId(id) on the file");
        }
        dataSourceId = candidates.get(0);
      }
      MediaFile file =
          new MediaFile(
              id,
              workflowId,
              fileSpec.externalId,
              fileSpec.fileName,
              fileSpec.mediaType,
              dataSourceId,
              fileSpec.orderId);
      file(file, fileSpec.assessments);
      if (fileSpec.content != null) {
        media.put(id, fileSpec.content);
      }
      return this;
    }

    /**
     * Holds content for a file as bytes.
     *
     * @param fileId the file's id
     * @param bytes the content; copied
     * @return this builder
     * @since 0.2
     */
    public Builder content(String fileId, byte[] bytes) {
      media.put(fileId, bytesContent(bytes));
      return this;
    }

    /**
     * Holds content for a file as a path, read each time the content is opened.
     *
     * @param fileId the file's id
     * @param path the file holding the content
     * @return this builder
     * @since 0.2
     */
    public Builder content(String fileId, Path path) {
      media.put(fileId, pathContent(path));
      return this;
    }

    /**
     * Builds the repository.
     *
     * @return the repository
     * @since 0.2
     */
    public InMemoryRepository build() {
      return new InMemoryRepository(this);
    }

    private String current() {
      if (currentWorkflow == null) {
        throw new IllegalStateException("no workflow yet: call workflow(…) first");
      }
      return currentWorkflow;
    }

    private void requireWorkflow(String workflowId) {
      if (!workflows.containsKey(workflowId)) {
        throw new IllegalStateException(
            "workflow " + workflowId + " was not added: call workflow(…) first");
      }
    }
  }

  private static Content bytesContent(byte[] bytes) {
    byte[] copy = bytes.clone();
    return file -> new ByteArrayInputStream(copy);
  }

  private static Content pathContent(Path path) {
    Objects.requireNonNull(path, "path");
    return file -> {
      try {
        return Files.newInputStream(path);
      } catch (NoSuchFileException e) {
        throw new MediaNotFoundException("no content for file " + file.id() + " at " + path, e);
      }
    };
  }

  /**
   * The fields, content and assessments of one file, set inside {@link Builder#file(String,
   * Consumer)}.
   *
   * @since 0.2
   */
  public static final class FileSpec {
    private final String id;
    private String externalId = "";
    private String fileName = "";
    private @Nullable String mediaType;
    private @Nullable String dataSourceId;
    private @Nullable String orderId;
    private @Nullable Content content;
    private final List<Assessment> assessments = new ArrayList<>();

    private FileSpec(String id) {
      this.id = id;
    }

    /**
     * Sets the external id (default empty).
     *
     * @param externalId the id the customer knows the file by
     * @return this spec
     * @since 0.2
     */
    public FileSpec externalId(String externalId) {
      this.externalId = Objects.requireNonNull(externalId, "externalId");
      return this;
    }

    /**
     * Sets the original file name (default empty).
     *
     * @param fileName the name
     * @return this spec
     * @since 0.2
     */
    public FileSpec fileName(String fileName) {
      this.fileName = Objects.requireNonNull(fileName, "fileName");
      return this;
    }

    /**
     * Sets the media type (default unknown).
     *
     * @param mediaType the media type, or null
     * @return this spec
     * @since 0.2
     */
    public FileSpec mediaType(@Nullable String mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    /**
     * Sets the data source (default: the workflow's only data source).
     *
     * @param dataSourceId the data source's id
     * @return this spec
     * @since 0.2
     */
    public FileSpec dataSourceId(String dataSourceId) {
      this.dataSourceId = Objects.requireNonNull(dataSourceId, "dataSourceId");
      return this;
    }

    /**
     * Sets the order the file came in through (default none).
     *
     * @param orderId the order's id, or null
     * @return this spec
     * @since 0.2
     */
    public FileSpec orderId(@Nullable String orderId) {
      this.orderId = orderId;
      return this;
    }

    /**
     * Holds the file's content as bytes.
     *
     * @param bytes the content; copied
     * @return this spec
     * @since 0.2
     */
    public FileSpec content(byte[] bytes) {
      this.content = bytesContent(bytes);
      return this;
    }

    /**
     * Holds the file's content as a path.
     *
     * @param path the file holding the content
     * @return this spec
     * @since 0.2
     */
    public FileSpec content(Path path) {
      this.content = pathContent(path);
      return this;
    }

    /**
     * Adds an assessment.
     *
     * @param assessment the assessment
     * @return this spec
     * @since 0.2
     */
    public FileSpec assessment(Assessment assessment) {
      assessments.add(Objects.requireNonNull(assessment, "assessment"));
      return this;
    }

    /**
     * Adds an assessment described by an {@link AssessmentSpec}.
     *
     * @param assessmentId the assessment's id
     * @param kind who assessed
     * @param assessedAt when
     * @param spec sets the step, assessor and entities
     * @return this spec
     * @since 0.2
     */
    public FileSpec assessment(
        String assessmentId,
        AssessmentKind kind,
        Instant assessedAt,
        Consumer<AssessmentSpec> spec) {
      AssessmentSpec assessmentSpec = new AssessmentSpec();
      spec.accept(assessmentSpec);
      return assessment(
          new Assessment(
              assessmentId,
              kind,
              assessmentSpec.step,
              assessmentSpec.assessor,
              assessedAt,
              assessmentSpec.entities));
    }

    @Override
    public String toString() {
      return "FileSpec[" + id + "]";
    }
  }

  /**
   * The step, assessor and entities of one assessment, set inside {@link FileSpec#assessment}.
   *
   * @since 0.2
   */
  public static final class AssessmentSpec {
    private @Nullable String step;
    private @Nullable String assessor;
    private final List<Entity> entities = new ArrayList<>();

    private AssessmentSpec() {}

    /**
     * Sets the workflow step.
     *
     * @param step the step, or null
     * @return this spec
     * @since 0.2
     */
    public AssessmentSpec step(@Nullable String step) {
      this.step = step;
      return this;
    }

    /**
     * Sets the assessor.
     *
     * @param assessor who assessed, or null
     * @return this spec
     * @since 0.2
     */
    public AssessmentSpec assessor(@Nullable String assessor) {
      this.assessor = assessor;
      return this;
    }

    /**
     * Adds an entity.
     *
     * @param entity the entity
     * @return this spec
     * @since 0.2
     */
    public AssessmentSpec entity(Entity entity) {
      entities.add(Objects.requireNonNull(entity, "entity"));
      return this;
    }

    /**
     * Adds an annotation: a located entity.
     *
     * @param id the entity's id
     * @param label its label, or null
     * @param location its polygon
     * @param confidence the polygon's confidence, or null
     * @param attributes its attribute values
     * @return this spec
     * @since 0.2
     */
    public AssessmentSpec annotation(
        String id,
        @Nullable String label,
        Polygon location,
        @Nullable Double confidence,
        AttributeValue... attributes) {
      return entity(Entity.annotation(id, label, location, confidence, List.of(attributes)));
    }

    /**
     * Adds a file-level entity: attributes without a location.
     *
     * @param id the entity's id
     * @param label its label, or null
     * @param attributes its attribute values
     * @return this spec
     * @since 0.2
     */
    public AssessmentSpec fileLevel(
        String id, @Nullable String label, AttributeValue... attributes) {
      return entity(Entity.fileLevel(id, label, List.of(attributes)));
    }
  }
}
