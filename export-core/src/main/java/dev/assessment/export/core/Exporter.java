package dev.assessment.export.core;

import dev.assessment.export.core.internal.CountingOutputStream;
import dev.assessment.export.core.internal.CsvLayoutProvider;
import dev.assessment.export.core.internal.ExportRun;
import dev.assessment.export.core.internal.RepositoryFailure;
import dev.assessment.export.core.layout.LayoutProvider;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs exports over a host's repositories. Built once with {@link #builder()}; immutable and
 * safe to share between threads, so one instance serves every export of an application.
 *
 * <pre>{@code
 * Exporter exporter = Exporter.builder().repository(repository).build();
 * ExportResult result = exporter.export(request, ExportSink.of(Path.of("out.csv")));
 * }</pre>
 *
 * <p>The CSV layouts are built in; the archive layouts come from export-imaging, found on the
 * class path with {@link ServiceLoader}.
 */
public final class Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
  private static final AtomicInteger JOB_THREADS = new AtomicInteger();

  private final WorkflowRepository workflows;
  private final AssessmentRepository assessments;
  private final @Nullable MediaRepository media;
  private final Map<Layout, LayoutProvider> providers;
  private final Executor executor;

  private Exporter(Builder b) {
    this.workflows = Objects.requireNonNull(b.workflows, "workflows");
    this.assessments = Objects.requireNonNull(b.assessments, "assessments");
    this.media = b.media;
    this.providers = b.providers();
    this.executor = b.executor;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the layouts this exporter can write: the CSV layouts, and the archive layouts when
   * export-imaging is on the class path.
   *
   * @return the layouts
   */
  public Set<Layout> layouts() {
    return Set.copyOf(providers.keySet());
  }

  /**
   * Runs an export on the calling thread.
   *
   * @param request what to export
   * @param sink where the bytes go
   * @return what was written
   * @throws ExportException if an id is unknown, the layout is not available, a repository or
   *     the sink fails, or the data is bad and the request strict; the sink's target is aborted
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
   * @throws ExportException as {@link #export(ExportRequest, ExportSink)} does, or if the
   *     listener throws
   */
  public ExportResult export(ExportRequest request, ExportSink sink, ExportListener listener)
      throws ExportException {
    return run(request, sink, listener, new AtomicBoolean());
  }

  /**
   * Starts an export as a job on the exporter's executor, for long exports that are delivered
   * when ready.
   *
   * @param request what to export
   * @param sink where the bytes go
   * @return the job: progress, cancel, and a completion future to chain delivery onto
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
   * @return the job
   */
  public ExportJob submit(ExportRequest request, ExportSink sink, ExportListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(listener, "listener");
    ExportJob job = new ExportJob(request);
    ExportListener both =
        progress -> {
          job.progress(progress);
          listener.progress(progress);
        };
    executor.execute(
        () -> {
          try {
            job.complete(run(request, sink, both, job.cancelFlag()));
          } catch (ExportException | RuntimeException | Error e) {
            job.fail(e);
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
    LayoutProvider provider = providers.get(layout);
    if (provider == null) {
      throw new ExportException(
          "layout " + layout + " is not available: add the artifact"
              + " dev.assessment.export:export-imaging to the class path (it writes FILES and"
              + " ANNOTATED_FILES)");
    }
    String workflowId = request.workflowId();
    Workflow workflow =
        metadata(() -> workflows.workflow(workflowId), workflowId, "the workflow")
            .orElseThrow(
                () ->
                    new ExportException(
                        "unknown workflow '" + workflowId
                            + "': the workflow repository has no workflow with that id"));
    Map<String, WorkflowOrder> orders = new LinkedHashMap<>();
    for (WorkflowOrder o : metadata(() -> workflows.orders(workflowId), workflowId, "the orders")) {
      orders.put(o.id(), o);
    }
    Map<String, DataSource> dataSources = new LinkedHashMap<>();
    for (DataSource d :
        metadata(() -> workflows.dataSources(workflowId), workflowId, "the data sources")) {
      dataSources.put(d.id(), d);
    }
    String orderId = request.orderId();
    if (orderId != null && !orders.containsKey(orderId)) {
      throw new ExportException(
          "unknown order '" + orderId + "' in workflow " + workflowId + ": known orders are "
              + known(orders.keySet()));
    }
    String dataSourceId = request.dataSourceId();
    if (dataSourceId != null && !dataSources.containsKey(dataSourceId)) {
      throw new ExportException(
          "unknown data source '" + dataSourceId + "' in workflow " + workflowId
              + ": known data sources are " + known(dataSources.keySet()));
    }
    OptionalLong total =
        metadata(() -> assessments.countFiles(request.query()), workflowId, "counting the files");
    ExportRun run =
        new ExportRun(
            request, workflow, orders, dataSources, total,
            assessments, media, listener, cancelled);
    String fileName = fileName(request, provider.extension(layout));
    LOG.info("exporting {} to {}", request, fileName);

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
      if (cancelled.get()) {
        throw new ExportCancelledException(
            "export of workflow " + workflowId + " (" + layout + ") was cancelled at the end");
      }
      target.commit();
    } catch (Throwable t) {
      target.abort();
      if (t instanceof Error) {
        throw (Error) t;
      }
      throw translate(t, request, run);
    } finally {
      run.closeLeftovers();
    }
    ExportResult result =
        new ExportResult(
            layout, run.filesWritten(), run.assessmentsWritten(), run.rows(), out.count(),
            run.warnings(), fileName, provider.mediaType(layout));
    LOG.info(
        "exported {} file(s), {} row(s), {} byte(s), {} warning(s) to {}", result.files(),
        result.rows(), result.bytes(), result.warnings().size(), fileName);
    return result;
  }

  private static ExportException translate(Throwable t, ExportRequest request, ExportRun run) {
    String where =
        "export of workflow " + request.workflowId() + " (" + request.layout() + ")"
            + (run.currentFile() == null ? "" : " at file " + run.currentFile());
    if (t instanceof ExportException e) {
      return e;
    }
    if (t instanceof CountingOutputStream.SinkFailure) {
      return new ExportException("the sink failed during the " + where + ": " + t.getMessage(), t.getCause());
    }
    if (t instanceof RepositoryFailure) {
      return new ExportException(t.getMessage() + " (" + where + ")", t.getCause());
    }
    return new ExportException(where + " failed: " + t, t);
  }

  private static <T> T metadata(
      java.util.function.Supplier<T> call, String workflowId, String what) throws ExportException {
    try {
      return Objects.requireNonNull(call.get(), "the repository returned null for " + what);
    } catch (RuntimeException e) {
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
  private static String fileName(ExportRequest request, String extension) {
    StringBuilder sb = new StringBuilder(safe(request.workflowId()));
    if (request.orderId() != null) {
      sb.append('-').append(safe(request.orderId()));
    }
    if (request.dataSourceId() != null) {
      sb.append('-').append(safe(request.dataSourceId()));
    }
    sb.append('-').append(request.layout().slug());
    if (request.assessments() == dev.assessment.export.spi.AssessmentScope.LATEST
        && request.layout() != Layout.FILES) {
      sb.append("-latest");
    }
    return sb.append('.').append(extension).toString();
  }

  private static String safe(String id) {
    String s = id.codePoints()
        .map(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-') ? c : '_')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    if (s.startsWith(".")) {
      s = "_" + s.substring(1);
    }
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  /** Builds an {@link Exporter}. */
  public static final class Builder {
    private @Nullable WorkflowRepository workflows;
    private @Nullable AssessmentRepository assessments;
    private @Nullable MediaRepository media;
    private final List<LayoutProvider> explicitProviders = new ArrayList<>();
    private boolean discover = true;
    private @Nullable ClassLoader classLoader;
    private Executor executor = Builder::newJobThread;

    private Builder() {}

    /**
     * Uses one object for every repository it implements: workflows and assessments, and media
     * when it is also a {@link MediaRepository}.
     *
     * @param repository the repository
     * @param <R> a type that implements both required repositories
     * @return this builder
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
     */
    public Builder media(MediaRepository media) {
      this.media = Objects.requireNonNull(media, "media");
      return this;
    }

    /**
     * Sets the executor that runs {@link Exporter#submit} jobs (default: a new thread per job).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Adds a layout provider explicitly; it takes precedence over discovered ones.
     *
     * @param provider the provider
     * @return this builder
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
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Builds the exporter.
     *
     * @return the exporter
     * @throws IllegalStateException if the workflow or assessment repository was not set
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
      Map<Layout, LayoutProvider> map = new EnumMap<>(Layout.class);
      CsvLayoutProvider csv = new CsvLayoutProvider();
      csv.layouts().forEach(l -> map.put(l, csv));
      if (discover) {
        ClassLoader loader = classLoader != null ? classLoader : Exporter.class.getClassLoader();
        try {
          for (LayoutProvider p : ServiceLoader.load(LayoutProvider.class, loader)) {
            p.layouts().forEach(l -> map.put(l, p));
          }
        } catch (ServiceConfigurationError e) {
          LOG.warn(
              "a layout provider on the class path could not be loaded, so its layouts are"
                  + " unavailable: {}",
              e.toString());
        }
      }
      for (LayoutProvider p : explicitProviders) {
        p.layouts().forEach(l -> map.put(l, p));
      }
      LOG.debug(
          "layouts: {}",
          map.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue().getClass().getName())
              .collect(Collectors.joining(", ")));
      return Map.copyOf(map);
    }

    private static void newJobThread(Runnable r) {
      Thread t = new Thread(r, "assessment-export-job-" + JOB_THREADS.incrementAndGet());
      t.start();
    }
  }

  @Override
  public String toString() {
    return "Exporter[layouts="
        + providers.keySet().stream().map(l -> l.name().toLowerCase(Locale.ROOT)).sorted().toList()
        + "]";
  }
}
