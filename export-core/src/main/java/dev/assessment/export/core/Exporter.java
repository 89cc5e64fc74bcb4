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

import dev.assessment.export.core.internal.CountingOutputStream;
import dev.assessment.export.core.internal.CsvLayoutProvider;
import dev.assessment.export.core.internal.ExportRun;
import dev.assessment.export.core.internal.RepositoryFailure;
import dev.assessment.export.core.layout.LayoutOptions;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs exports over a host's repositories. Built once with {@link #builder()}; immutable and safe
 * to share between threads, so one instance serves every export of an application.
 *
 * <pre>{@code
 * Exporter exporter = Exporter.builder().repository(repository).build();
 * ExportResult result = exporter.export(request, ExportSink.of(Path.of("out.csv")));
 * }</pre>
 *
 * <p>The CSV layouts are built in; every other layout comes from a {@link LayoutProvider} found
 * with {@link ServiceLoader} or added to the builder. {@link #layouts()} lists what this exporter
 * can write.
 *
 * @since 0.2
 */
public final class Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
  private static final AtomicInteger JOB_THREADS = new AtomicInteger();

  /** The default job executor, shared: bounded, daemon, named threads, started when needed. */
  private static final class DefaultJobs {
    static final ExecutorService EXECUTOR = jobs();

    private static ExecutorService jobs() {
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              threads,
              threads,
              60,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "assessment-export-job-" + JOB_THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }

  private final WorkflowRepository workflows;
  private final AssessmentRepository assessments;
  private final @Nullable MediaRepository media;
  private final Map<Layout, LayoutProvider> providers;
  private final List<Layout> layouts;
  private final Executor executor;
  private final @Nullable Executor workExecutor;
  private final java.time.Duration mediaStallLimit;

  private Exporter(Builder b) {
    this.workflows = Objects.requireNonNull(b.workflows, "workflows");
    this.assessments = Objects.requireNonNull(b.assessments, "assessments");
    this.media = b.media;
    this.providers = b.providers();
    this.layouts = List.copyOf(providers.keySet());
    this.executor = b.executor != null ? b.executor : DefaultJobs.EXECUTOR;
    this.workExecutor = b.workExecutor;
    this.mediaStallLimit = b.mediaStallLimit;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the layouts this exporter can write: the CSV layouts, and those of every provider found
   * or added.
   *
   * @return the layouts, sorted by id
   * @since 0.2
   */
  public List<Layout> layouts() {
    return layouts;
  }

  /**
   * Returns the provider that serves a layout, e.g. to read its extension or media type.
   *
   * @param layout the layout
   * @return the provider, or empty when this exporter cannot write the layout
   * @since 0.2
   */
  public Optional<LayoutProvider> provider(Layout layout) {
    return Optional.ofNullable(providers.get(Objects.requireNonNull(layout, "layout")));
  }

  /**
   * Checks a request against its layout without exporting: that this exporter can write the layout,
   * that the layout reads every option the request carries, that the layout's own rules hold (e.g.
   * annotated files need an order), and that a shard is only asked of a layout whose parts merge.
   * {@link #export} and {@link #submit} run the same checks first.
   *
   * @param request the request
   * @throws ExportException if no provider serves the layout; the message lists the available
   *     layouts
   * @throws IllegalArgumentException if the request carries an option the layout does not read
   * @throws IllegalStateException if the request's settings do not suit the layout
   * @since 0.2
   */
  public void check(ExportRequest request) throws ExportException {
    Objects.requireNonNull(request, "request");
    providerFor(request);
  }

  private LayoutProvider providerFor(ExportRequest request) throws ExportException {
    Layout layout = request.layout();
    LayoutProvider provider = providers.get(layout);
    if (provider == null) {
      throw new ExportException(
          "layout "
              + layout
              + " is not available: this exporter writes "
              + layouts.stream().map(Layout::id).collect(Collectors.joining(", "))
              + ". Add the module that provides it to the class path, or register its"
              + " LayoutProvider (docs/layouts.md)");
    }
    for (Class<? extends LayoutOptions> type : request.options().keySet()) {
      if (!provider.optionTypes().contains(type)) {
        throw new IllegalArgumentException(
            "layout "
                + layout
                + " does not read options of type "
                + type.getName()
                + ": it reads "
                + (provider.optionTypes().isEmpty()
                    ? "none"
                    : provider.optionTypes().stream()
                        .map(Class::getSimpleName)
                        .sorted()
                        .collect(Collectors.joining(", ")))
                + "; remove the option with clearOption("
                + type.getSimpleName()
                + ".class)");
      }
    }
    provider.validate(request);
    if (request.shard() != null) {
      Optional<String> refusal = provider.merger().refusal();
      if (refusal.isPresent()) {
        throw new IllegalStateException(
            "layout "
                + layout
                + " cannot be sharded: its parts cannot be merged, because "
                + refusal.get()
                + "; export it whole (wholeExport())");
      }
    }
    return provider;
  }

  /**
   * Merges the parts of a sharded export into the bytes the one-machine export of the request
   * writes, with the merger of the parts' layout.
   *
   * @param layout the layout the parts were exported in
   * @param parts the parts, in any order
   * @param out where the merged output goes; not closed
   * @throws ExportException if the layout is not available or cannot merge, or the parts do not
   *     belong together, naming them
   * @throws IOException if a part cannot be read or the output written
   * @since 0.2
   */
  public void merge(Layout layout, List<Path> parts, OutputStream out) throws IOException {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(parts, "parts");
    Objects.requireNonNull(out, "out");
    LayoutProvider provider = providers.get(layout);
    if (provider == null) {
      throw new ExportException(
          "cannot merge parts of layout "
              + layout
              + ": this exporter writes "
              + layouts.stream().map(Layout::id).collect(Collectors.joining(", ")));
    }
    provider.merger().merge(List.copyOf(parts), out);
  }

  /**
   * Runs an export on the calling thread.
   *
   * @param request what to export
   * @param sink where the bytes go
   * @return what was written
   * @throws ExportException if an id is unknown, the layout is not available, a repository or the
   *     sink fails, or the data is bad and the request strict; the sink's target is aborted
   * @throws IllegalArgumentException if the request carries an option the layout does not read
   * @throws IllegalStateException if the request's settings do not suit the layout
   * @since 0.2
   */
  public ExportResult export(ExportRequest request, ExportSink sink) throws ExportException {
    return export(request, sink, ExportListener.none());
  }

  /**
   * Runs an export on the calling thread, reporting progress.
   *
   * @param request what to export
   * @param sink where the bytes go
   * @param listener receives progress after each file, on this thread
   * @return what was written
   * @throws ExportException as {@link #export(ExportRequest, ExportSink)} does, or if the listener
   *     throws
   * @since 0.2
   */
  public ExportResult export(ExportRequest request, ExportSink sink, ExportListener listener)
      throws ExportException {
    return run(request, sink, listener, new AtomicBoolean());
  }

  /**
   * Starts an export as a job on the exporter's executor, for long exports that are delivered when
   * ready.
   *
   * @param request what to export
   * @param sink where the bytes go
   * @return the job: progress, cancel, and a completion future to chain delivery onto
   * @throws IllegalArgumentException if the request carries an option the layout does not read
   * @throws IllegalStateException if the request's settings do not suit the layout
   * @since 0.2
   */
  public ExportJob submit(ExportRequest request, ExportSink sink) {
    return submit(request, sink, ExportListener.none());
  }

  /**
   * Starts an export as a job, reporting progress to a listener as well as to the job.
   *
   * @param request what to export
   * @param sink where the bytes go
   * @param listener receives progress after each file, on the job's thread
   * @return the job; when the layout is not available, a job already failed with the {@link
   *     ExportException} of {@link #check(ExportRequest)}
   * @throws IllegalArgumentException if the request carries an option the layout does not read
   * @throws IllegalStateException if the request's settings do not suit the layout
   * @since 0.2
   */
  public ExportJob submit(ExportRequest request, ExportSink sink, ExportListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(listener, "listener");
    ExportJob job = new ExportJob(request);
    try {
      providerFor(request);
    } catch (ExportException e) {
      job.fail(e);
      job.terminated();
      return job;
    }
    ExportListener both =
        progress -> {
          job.progress(progress);
          listener.progress(progress);
        };
    executor.execute(
        () -> {
          job.running(Thread.currentThread());
          try {
            job.complete(run(request, sink, both, job.cancelFlag()));
          } catch (ExportException | RuntimeException | Error e) {
            job.fail(e);
          } finally {
            job.running(null);
            // A cancel's interrupt was meant for this job, not for the pool's next task.
            Thread.interrupted();
            job.terminated();
          }
        });
    return job;
  }

  private ExportResult run(
      ExportRequest request, ExportSink sink, ExportListener listener, AtomicBoolean cancelled)
      throws ExportException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(listener, "listener");
    Layout layout = request.layout();
    LayoutProvider provider = providerFor(request);
    String workflowId = request.workflowId();
    Workflow workflow =
        metadata(() -> workflows.workflow(workflowId), workflowId, "the workflow")
            .orElseThrow(
                () ->
                    new ExportException(
                        "unknown workflow '"
                            + workflowId
                            + "': the workflow repository has no workflow with that id"));
    Map<String, WorkflowOrder> orders = new LinkedHashMap<>();
    List<String> repeated = new ArrayList<>();
    for (WorkflowOrder o : metadata(() -> workflows.orders(workflowId), workflowId, "the orders")) {
      if (orders.putIfAbsent(o.id(), o) != null) {
        repeated.add("order " + o.id());
      }
    }
    Map<String, DataSource> dataSources = new LinkedHashMap<>();
    for (DataSource d :
        metadata(() -> workflows.dataSources(workflowId), workflowId, "the data sources")) {
      if (dataSources.putIfAbsent(d.id(), d) != null) {
        repeated.add("data source " + d.id());
      }
    }
    String orderId = request.orderId();
    if (orderId != null && !orders.containsKey(orderId)) {
      throw new ExportException(
          "unknown order '"
              + orderId
              + "' in workflow "
              + workflowId
              + ": known orders are "
              + known(orders.keySet()));
    }
    String dataSourceId = request.dataSourceId();
    if (dataSourceId != null && !dataSources.containsKey(dataSourceId)) {
      throw new ExportException(
          "unknown data source '"
              + dataSourceId
              + "' in workflow "
              + workflowId
              + ": known data sources are "
              + known(dataSources.keySet()));
    }
    OptionalLong total =
        metadata(() -> assessments.countFiles(request.query()), workflowId, "counting the files");
    orders = Collections.unmodifiableMap(orders);
    dataSources = Collections.unmodifiableMap(dataSources);
    ExportRun run =
        new ExportRun(
            request,
            workflow,
            orders,
            dataSources,
            total,
            assessments,
            media,
            listener,
            cancelled,
            workExecutor,
            mediaStallLimit);
    for (String what : repeated) {
      run.warn(
          "duplicate-definition",
          what,
          null,
          "the workflow repository lists "
              + what
              + " of workflow "
              + workflowId
              + " more than once; the first definition was used (fix the repository)");
    }
    String fileName = fileName(request, provider);
    LOG.debug("exporting {} to {}", request, fileName);

    ExportSink.Target target;
    try {
      target = Objects.requireNonNull(sink.open(), "the sink opened a null target");
    } catch (IOException | RuntimeException e) {
      throw new ExportException("could not open the sink for " + fileName + ": " + e, e);
    }
    CountingOutputStream out = new CountingOutputStream(target.stream());
    run.countBytes(out);
    try {
      provider.write(run, out);
      out.flush();
      if (cancelled.get() || Thread.currentThread().isInterrupted()) {
        throw new ExportCancelledException(
            "export of workflow " + workflowId + " (" + layout + ") was cancelled at the end");
      }
      try {
        target.commit();
      } catch (IOException | RuntimeException e) {
        throw new ExportException(
            "the sink failed to commit the export of workflow "
                + workflowId
                + " ("
                + layout
                + ") to "
                + fileName
                + ": "
                + e,
            e);
      }
    } catch (Throwable t) {
      Throwable thrown = t instanceof Error ? t : translate(t, request, run);
      // A cancel interrupts this thread; the sink's clean-up (deleting a part, aborting an
      // upload) must still be able to do I/O, so the flag is set again only afterwards.
      boolean interrupted = Thread.interrupted();
      try {
        target.abort();
      } catch (RuntimeException | Error abortFailure) {
        // The sink broke its contract (abort never throws): the export's own failure stays
        // what is reported, with the abort's attached.
        thrown.addSuppressed(abortFailure);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (thrown instanceof Error error) {
        throw error;
      }
      throw (ExportException) thrown;
    } finally {
      run.closeLeftovers();
    }
    ExportResult result =
        new ExportResult(
            layout,
            run.filesWritten(),
            run.filesSkipped(),
            run.assessmentsWritten(),
            run.rows(),
            out.count(),
            run.warnings(),
            fileName,
            provider.mediaType());
    LOG.debug(
        "exported {} file(s), {} row(s), {} byte(s), {} warning(s) to {}",
        result.files(),
        result.rows(),
        result.bytes(),
        result.warnings().size(),
        fileName);
    return result;
  }

  private static ExportException translate(Throwable t, ExportRequest request, ExportRun run) {
    ExportException translated = translateOnly(t, request, run);
    if (translated != t && translated.getCause() != t) {
      // What happened while stopping (a helper thread left running, say) is kept with the error.
      for (Throwable s : t.getSuppressed()) {
        translated.addSuppressed(s);
      }
    }
    return translated;
  }

  private static ExportException translateOnly(Throwable t, ExportRequest request, ExportRun run) {
    String where =
        "export of workflow "
            + request.workflowId()
            + " ("
            + request.layout()
            + ")"
            + (run.failedFile() == null ? "" : " at file " + run.failedFile());
    if (t instanceof ExportException e) {
      return e;
    }
    if (t instanceof UncheckedIOException u && u.getCause() instanceof ExportException e) {
      // A strict export's warning, raised inside a stream.
      return e;
    }
    if (Thread.currentThread().isInterrupted()
        || t instanceof java.io.InterruptedIOException
        || t instanceof InterruptedException) {
      // The interrupt flag stays set, for the caller's own code to see.
      Thread.currentThread().interrupt();
      return new ExportCancelledException(where + " was interrupted", t);
    }
    if (t instanceof CountingOutputStream.SinkFailure) {
      return new ExportException(
          "the sink failed during the " + where + ": " + t.getMessage(), t.getCause());
    }
    if (t instanceof RepositoryFailure) {
      return new ExportException(t.getMessage() + " (" + where + ")", t.getCause());
    }
    return new ExportException(where + " failed: " + t, t);
  }

  private static <T> T metadata(Callable<T> call, String workflowId, String what)
      throws ExportException {
    try {
      T result = Objects.requireNonNull(call.call(), "the repository returned null for " + what);
      if (result instanceof Collection<?> c) {
        // Read a lazy list here, so that a failure while iterating it is wrapped too.
        @SuppressWarnings("unchecked")
        T copy = (T) List.copyOf(c);
        return copy;
      }
      return result;
    } catch (Exception e) {
      throw new ExportException(
          "the repository failed reading " + what + " of workflow " + workflowId + ": " + e, e);
    }
  }

  private static String known(Collection<String> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    List<String> first = new ArrayList<>(ids).subList(0, Math.min(20, ids.size()));
    return String.join(", ", first) + (ids.size() > 20 ? ", … (" + ids.size() + " in all)" : "");
  }

  /**
   * Returns the suggested file name of an export: workflow id, order id when given, layout,
   * extension, with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _}.
   */
  private static String fileName(ExportRequest request, LayoutProvider provider) {
    StringBuilder sb = new StringBuilder(safe(request.workflowId()));
    if (request.orderId() != null) {
      sb.append('-').append(safe(request.orderId()));
    }
    if (request.dataSourceId() != null) {
      sb.append('-').append(safe(request.dataSourceId()));
    }
    sb.append('-').append(request.layout().id());
    if (request.scope() == AssessmentScope.LATEST && provider.readsAssessments()) {
      sb.append("-latest");
    }
    return sb.append('.').append(provider.extension()).toString();
  }

  private static String safe(String id) {
    String s =
        id.codePoints()
            .map(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-') ? c : '_')
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    if (s.startsWith(".")) {
      s = "_" + s.substring(1);
    }
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  /**
   * Builds an {@link Exporter}.
   *
   * @since 0.2
   */
  public static final class Builder {
    private @Nullable WorkflowRepository workflows;
    private @Nullable AssessmentRepository assessments;
    private @Nullable MediaRepository media;
    private final List<LayoutProvider> explicitProviders = new ArrayList<>();
    private boolean discover = true;
    private @Nullable ClassLoader classLoader;
    private @Nullable Executor executor;
    private @Nullable Executor workExecutor;
    private java.time.Duration mediaStallLimit = java.time.Duration.ofMinutes(2);

    private Builder() {}

    /**
     * Uses one object for every repository it implements: workflows and assessments, and media when
     * it is also a {@link MediaRepository}.
     *
     * @param repository the repository
     * @param <R> a type that implements both required repositories
     * @return this builder
     * @since 0.2
     */
    public <R extends WorkflowRepository & AssessmentRepository> Builder repository(R repository) {
      Objects.requireNonNull(repository, "repository");
      workflows(repository);
      assessments(repository);
      if (repository instanceof MediaRepository m) {
        media(m);
      }
      return this;
    }

    /**
     * Sets the workflow metadata repository (required).
     *
     * @param workflows the repository
     * @return this builder
     * @since 0.2
     */
    public Builder workflows(WorkflowRepository workflows) {
      this.workflows = Objects.requireNonNull(workflows, "workflows");
      return this;
    }

    /**
     * Sets the repository of files and assessments (required).
     *
     * @param assessments the repository
     * @return this builder
     * @since 0.2
     */
    public Builder assessments(AssessmentRepository assessments) {
      this.assessments = Objects.requireNonNull(assessments, "assessments");
      return this;
    }

    /**
     * Sets the repository of file content, needed by the archive layouts.
     *
     * @param media the repository
     * @return this builder
     * @since 0.2
     */
    public Builder media(MediaRepository media) {
      this.media = Objects.requireNonNull(media, "media");
      return this;
    }

    /**
     * Sets the executor that runs {@link Exporter#submit} jobs (default: one shared by every
     * exporter, of at most as many daemon threads named {@code assessment-export-job-N} as there
     * are processors, jobs beyond them waiting their turn).
     *
     * @param executor the executor
     * @return this builder
     * @since 0.2
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the executor that layouts run an export's helper work on: the archive layouts' reads
     * ahead and renderings (default: each export starts daemon threads of its own and stops them
     * when it ends). With a host's executor, an export runs at most its read-ahead or thread count
     * of tasks on it at once, and interrupts and waits for them when it ends.
     *
     * @param workExecutor the executor
     * @return this builder
     * @since 0.2
     */
    public Builder workExecutor(Executor workExecutor) {
      this.workExecutor = Objects.requireNonNull(workExecutor, "workExecutor");
      return this;
    }

    /**
     * Sets how long one read of a media stream may deliver nothing before the export gives up on
     * it: the stream is closed, the read fails, and the file is skipped with a warning that says so
     * (default: two minutes). It ends reads that hang on a dead connection, which a timeout of the
     * storage client would otherwise have to.
     *
     * @param limit a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the limit is not positive
     * @since 0.2
     */
    public Builder mediaStallLimit(java.time.Duration limit) {
      Objects.requireNonNull(limit, "limit");
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("the media stall limit must be positive, was " + limit);
      }
      this.mediaStallLimit = limit;
      return this;
    }

    /**
     * Adds a layout provider explicitly. It takes precedence over a built-in or discovered provider
     * of the same layout; two added providers of one layout are an error at {@link #build()}.
     *
     * @param provider the provider
     * @return this builder
     * @since 0.2
     */
    public Builder layoutProvider(LayoutProvider provider) {
      explicitProviders.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Turns discovery of layout providers with {@link ServiceLoader} on or off (default on).
     *
     * @param discover false to use only the built-in and explicitly added providers
     * @return this builder
     * @since 0.2
     */
    public Builder discoverLayouts(boolean discover) {
      this.discover = discover;
      return this;
    }

    /**
     * Sets the class loader that layout providers are discovered with (default: this library's).
     *
     * @param classLoader the class loader
     * @return this builder
     * @since 0.2
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Builds the exporter.
     *
     * @return the exporter
     * @throws IllegalStateException if the workflow or assessment repository was not set, or two
     *     discovered or two added providers serve the same layout (the message names both)
     * @since 0.2
     */
    public Exporter build() {
      if (workflows == null) {
        throw new IllegalStateException(
            "no workflow repository: call repository(…) or workflows(…) before build()");
      }
      if (assessments == null) {
        throw new IllegalStateException(
            "no assessment repository: call repository(…) or assessments(…) before build()");
      }
      return new Exporter(this);
    }

    private Map<Layout, LayoutProvider> providers() {
      Map<Layout, LayoutProvider> builtIn = new TreeMap<>();
      for (Layout l : List.of(CsvLayouts.ATTRIBUTE_VALUES, CsvLayouts.ANNOTATIONS)) {
        builtIn.put(l, new CsvLayoutProvider(l));
      }
      Map<Layout, LayoutProvider> discovered = new TreeMap<>();
      if (discover) {
        ClassLoader loader = classLoader != null ? classLoader : Exporter.class.getClassLoader();
        for (LayoutProvider p : discover(loader)) {
          putOnce(discovered, p, "found by ServiceLoader");
        }
      }
      Map<Layout, LayoutProvider> added = new TreeMap<>();
      for (LayoutProvider p : explicitProviders) {
        putOnce(added, p, "added with layoutProvider(…)");
      }
      for (Map.Entry<Layout, LayoutProvider> e : discovered.entrySet()) {
        LayoutProvider before = builtIn.get(e.getKey());
        if (before != null) {
          throw new IllegalStateException(
              "layout "
                  + e.getKey()
                  + " is served twice: by the built-in "
                  + before.getClass().getName()
                  + " and by "
                  + e.getValue().getClass().getName()
                  + " (found by ServiceLoader); give the new layout another id");
        }
      }
      Map<Layout, LayoutProvider> map = new TreeMap<>(builtIn);
      map.putAll(discovered);
      map.putAll(added);
      LOG.debug(
          "layouts: {}",
          map.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue().getClass().getName())
              .collect(Collectors.joining(", ")));
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static void putOnce(Map<Layout, LayoutProvider> map, LayoutProvider p, String how) {
      Layout layout =
          Objects.requireNonNull(p.layout(), p.getClass().getName() + " returned a null layout");
      LayoutProvider before = map.putIfAbsent(layout, p);
      if (before != null) {
        throw new IllegalStateException(
            "layout "
                + layout
                + " is served by two providers "
                + how
                + ": "
                + before.getClass().getName()
                + " and "
                + p.getClass().getName()
                + "; remove one of them from the class path");
      }
    }

    /**
     * Loads every provider that can be loaded: a provider that fails to load or to instantiate is
     * logged and skipped, and the others still load.
     */
    private static List<LayoutProvider> discover(ClassLoader loader) {
      List<LayoutProvider> found = new ArrayList<>();
      Iterator<LayoutProvider> it = ServiceLoader.load(LayoutProvider.class, loader).iterator();
      // Bounded, in case a broken configuration makes the iterator fail on every step.
      for (int attempts = 0; attempts < 10_000; attempts++) {
        try {
          if (!it.hasNext()) {
            break;
          }
          found.add(it.next());
        } catch (ServiceConfigurationError e) {
          LOG.warn(
              "a layout provider could not be loaded and was skipped, so its layout is"
                  + " unavailable: {}",
              e.toString());
        }
      }
      return found;
    }
  }

  @Override
  public String toString() {
    return "Exporter[layouts=" + layouts + "]";
  }
}
