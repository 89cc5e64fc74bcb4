package dev.assessment.export.jdbc;

import dev.assessment.export.spi.AssessedFile;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.AssessmentScope;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.FileQuery;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.WorkflowRepository;
import jakarta.annotation.Nullable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The repository SPI over the reference schema (see {@link JdbcSchema}). Thread-safe: every call
 * takes its own connection from the {@link javax.sql.DataSource} and gives it back when its
 * stream or content is closed.
 */
public final class JdbcRepository implements WorkflowRepository, AssessmentRepository, MediaRepository {
  private static final String FILE_COLUMNS =
      "f.id, f.workflow_id, f.external_id, f.file_name, f.media_type, f.data_source_id, f.order_id";

  private final javax.sql.DataSource dataSource;
  private final @Nullable Path mediaFolder;
  private final int fetchSize;

  private JdbcRepository(Builder b) {
    this.dataSource = b.dataSource;
    this.mediaFolder = b.mediaFolder == null ? null : b.mediaFolder.toAbsolutePath().normalize();
    this.fetchSize = b.fetchSize;
  }

  /**
   * Returns a builder over a data source (a connection pool, usually).
   *
   * @param dataSource where connections come from
   * @return the builder
   */
  public static Builder builder(javax.sql.DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Returns a builder over a JDBC URL, opening a connection per call through {@link DriverManager}
   * (fine for tools; use a pool in a server).
   *
   * @param url the JDBC URL, e.g. {@code jdbc:h2:./demo-db}
   * @param user the user, or null
   * @param password the password, or null
   * @return the builder
   */
  public static Builder builder(String url, @Nullable String user, @Nullable String password) {
    return builder(new DriverManagerDataSource(url, user, password));
  }

  /**
   * Returns the ids of every workflow in the database, for tools that let a person choose.
   *
   * @return the ids, sorted
   */
  public List<String> workflowIds() {
    return query("listing the workflows", c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ae_workflow ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  @Override
  public Optional<Workflow> workflow(String workflowId) {
    return query("reading workflow " + workflowId, c -> {
      String name;
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM ae_workflow WHERE id = ?")) {
        ps.setString(1, workflowId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          name = rs.getString(1);
        }
      }
      List<AttributeDefinition> attributes = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT name, type FROM ae_attribute_definition WHERE workflow_id = ? ORDER BY position")) {
        ps.setString(1, workflowId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            attributes.add(AttributeDefinition.of(rs.getString(1), AttributeType.valueOf(rs.getString(2))));
          }
        }
      }
      return Optional.of(new Workflow(workflowId, name, attributes));
    });
  }

  @Override
  public List<WorkflowOrder> orders(String workflowId) {
    return query("reading the orders of workflow " + workflowId, c -> {
      List<WorkflowOrder> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, name FROM ae_workflow_order WHERE workflow_id = ? ORDER BY id")) {
        ps.setString(1, workflowId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new WorkflowOrder(rs.getString(1), workflowId, rs.getString(2)));
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<DataSource> dataSources(String workflowId) {
    return query("reading the data sources of workflow " + workflowId, c -> {
      List<DataSource> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, name FROM ae_data_source WHERE workflow_id = ? ORDER BY id")) {
        ps.setString(1, workflowId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new DataSource(rs.getString(1), workflowId, rs.getString(2)));
          }
        }
      }
      return out;
    });
  }

  @Override
  public OptionalLong countFiles(FileQuery query) {
    return query("counting the files of workflow " + query.workflowId(), c -> {
      List<String> params = new ArrayList<>();
      String where = where(query, params);
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ae_file f WHERE " + where)) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return OptionalLong.of(rs.getLong(1));
        }
      }
    });
  }

  @Override
  public Stream<MediaFile> files(FileQuery query) {
    List<String> params = new ArrayList<>();
    String sql = "SELECT " + FILE_COLUMNS + " FROM ae_file f WHERE " + where(query, params) + " ORDER BY f.seq";
    Cursor cursor = Cursor.open(dataSource, sql, params, fetchSize, "the files of workflow " + query.workflowId());
    Spliterator<MediaFile> s = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
      @Override
      public boolean tryAdvance(Consumer<? super MediaFile> action) {
        return cursor.call(() -> {
          if (!cursor.rs.next()) {
            return false;
          }
          action.accept(file(cursor.rs));
          return true;
        });
      }
    };
    return StreamSupport.stream(s, false).onClose(cursor::close);
  }

  /**
   * Returns the files of a query with their assessments, read in one statement that joins
   * files, assessments, entities and values and orders them by file, so that no query runs per
   * file. The data source and order filters are {@code WHERE} conditions; {@code LATEST} keeps,
   * in SQL, the assessments at each file's latest time (the exporter breaks a tie on time by id).
   */
  @Override
  public Stream<AssessedFile> assessedFiles(FileQuery query) {
    List<String> params = new ArrayList<>();
    String latest = query.scope() == AssessmentScope.LATEST
        ? " AND a.assessed_at = (SELECT MAX(a2.assessed_at) FROM ae_assessment a2 WHERE a2.file_id = f.id)"
        : "";
    String sql = "SELECT " + FILE_COLUMNS + ", f.seq,"
        + " a.id, a.kind, a.step, a.assessor, a.assessed_at,"
        + " e.position, e.id, e.label, e.location, e.location_confidence,"
        + " v.position, v.name, v.type, v.text_value, v.number_value, v.bool_value, v.confidence"
        + " FROM ae_file f"
        + " LEFT JOIN ae_assessment a ON a.file_id = f.id" + latest
        + " LEFT JOIN ae_entity e ON e.file_id = a.file_id AND e.assessment_id = a.id"
        + " LEFT JOIN ae_attribute_value v ON v.file_id = e.file_id AND v.assessment_id = e.assessment_id"
        + " AND v.entity_position = e.position"
        + " WHERE " + where(query, params)
        + " ORDER BY f.seq, a.id, e.position, v.position";
    Cursor cursor = Cursor.open(dataSource, sql, params, fetchSize, "the files of workflow " + query.workflowId());
    Spliterator<AssessedFile> s = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
      private boolean onRow;
      private boolean started;

      @Override
      public boolean tryAdvance(Consumer<? super AssessedFile> action) {
        return cursor.call(() -> {
          if (!started) {
            started = true;
            onRow = cursor.rs.next();
          }
          if (!onRow) {
            return false;
          }
          action.accept(readFile(cursor.rs));
          return true;
        });
      }

      /** Reads the rows of one file, leaving the cursor on the next file's first row. */
      private AssessedFile readFile(ResultSet rs) throws SQLException {
        MediaFile file = file(rs);
        long seq = rs.getLong(8);
        List<Assessment> assessments = new ArrayList<>();
        String assessmentId = null;
        AssessmentRow assessment = null;
        int entityPosition = -1;
        EntityRow entity = null;
        do {
          String aid = rs.getString(9);
          if (aid != null) {
            if (!aid.equals(assessmentId)) {
              if (assessment != null) {
                assessments.add(assessment.build(entity));
              }
              assessmentId = aid;
              assessment = new AssessmentRow(rs);
              entity = null;
              entityPosition = -1;
            }
            int position = rs.getInt(14);
            if (!rs.wasNull()) {
              if (position != entityPosition) {
                if (entity != null) {
                  assessment.entities.add(entity.build());
                }
                entityPosition = position;
                entity = new EntityRow(rs);
              }
              rs.getInt(19);
              if (!rs.wasNull()) {
                entity.values.add(value(rs));
              }
            }
          }
          onRow = rs.next();
        } while (onRow && rs.getLong(8) == seq);
        if (assessment != null) {
          assessments.add(assessment.build(entity));
        }
        return new AssessedFile(file, assessments);
      }
    };
    return StreamSupport.stream(s, false).onClose(cursor::close);
  }

  @Override
  public InputStream open(MediaFile file) throws IOException {
    Connection c = null;
    PreparedStatement ps = null;
    ResultSet rs = null;
    try {
      c = dataSource.getConnection();
      ps = c.prepareStatement("SELECT content, content_path FROM ae_file WHERE id = ?");
      ps.setString(1, file.id());
      rs = ps.executeQuery();
      if (!rs.next()) {
        throw new MediaNotFoundException("no file " + file.id() + " in the database");
      }
      InputStream blob = rs.getBinaryStream(1);
      if (blob != null) {
        Connection conn = c;
        PreparedStatement stmt = ps;
        ResultSet result = rs;
        c = null;
        return new FilterInputStream(blob) {
          @Override
          public void close() throws IOException {
            try {
              super.close();
            } finally {
              closeQuietly(result, stmt, conn);
            }
          }
        };
      }
      String path = rs.getString(2);
      if (path == null) {
        throw new MediaNotFoundException("no content for file " + file.id());
      }
      return Files.newInputStream(media(file, path));
    } catch (NoSuchFileException e) {
      throw new MediaNotFoundException("no content for file " + file.id() + " at " + e.getFile(), e);
    } catch (SQLException e) {
      throw new IOException("the JDBC repository failed reading the content of file " + file.id() + ": " + e, e);
    } finally {
      if (c != null) {
        closeQuietly(rs, ps, c);
      }
    }
  }

  private Path media(MediaFile file, String relative) throws MediaNotFoundException {
    if (mediaFolder == null) {
      throw new MediaNotFoundException(
          "file " + file.id() + " has content at " + relative + ", but the repository has no media folder:"
              + " build it with mediaFolder(…)");
    }
    Path p = mediaFolder.resolve(relative).normalize();
    if (!p.startsWith(mediaFolder)) {
      throw new MediaNotFoundException("the content path of file " + file.id() + " leads outside the media folder");
    }
    return p;
  }

  private static MediaFile file(ResultSet rs) throws SQLException {
    return new MediaFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7));
  }

  private static AttributeValue value(ResultSet rs) throws SQLException {
    String name = rs.getString(20);
    AttributeType type = AttributeType.valueOf(rs.getString(21));
    Value value = switch (type) {
      case TEXT -> Value.text(rs.getString(22));
      case NUMBER -> Value.number(rs.getDouble(23));
      case BOOLEAN -> Value.bool(rs.getBoolean(24));
      case CHOICES -> Value.choices(Codec.choices(rs.getString(22)));
    };
    double confidence = rs.getDouble(25);
    return new AttributeValue(name, value, rs.wasNull() ? null : confidence);
  }

  /** The columns of an assessment row, and its entities as they are read. */
  private static final class AssessmentRow {
    final String id;
    final AssessmentKind kind;
    final String step;
    final String assessor;
    final java.time.Instant at;
    final List<Entity> entities = new ArrayList<>();

    AssessmentRow(ResultSet rs) throws SQLException {
      id = rs.getString(9);
      kind = AssessmentKind.valueOf(rs.getString(10));
      step = rs.getString(11);
      assessor = rs.getString(12);
      at = rs.getObject(13, OffsetDateTime.class).toInstant();
    }

    Assessment build(@Nullable EntityRow last) {
      if (last != null) {
        entities.add(last.build());
      }
      return new Assessment(id, kind, step, assessor, at, entities);
    }
  }

  /** The columns of an entity row, and its values as they are read. */
  private static final class EntityRow {
    final String id;
    final String label;
    final String location;
    final Double confidence;
    final List<AttributeValue> values = new ArrayList<>();

    EntityRow(ResultSet rs) throws SQLException {
      id = rs.getString(15);
      label = rs.getString(16);
      location = rs.getString(17);
      double c = rs.getDouble(18);
      confidence = rs.wasNull() ? null : c;
    }

    Entity build() {
      return new Entity(id, label, location == null ? null : Codec.polygon(location), confidence, values);
    }
  }

  private static String where(FileQuery query, List<String> params) {
    StringBuilder sb = new StringBuilder("f.workflow_id = ?");
    params.add(query.workflowId());
    if (query.dataSourceId() != null) {
      sb.append(" AND f.data_source_id = ?");
      params.add(query.dataSourceId());
    }
    if (query.orderId() != null) {
      sb.append(" AND f.order_id = ?");
      params.add(query.orderId());
    }
    return sb.toString();
  }

  private static void bind(PreparedStatement ps, List<String> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setString(i + 1, params.get(i));
    }
  }

  /** A call that may fail with an SQL exception. */
  @FunctionalInterface
  private interface Sql<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T query(String what, Sql<T> call) {
    try (Connection c = dataSource.getConnection()) {
      return call.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  static UncheckedIOException failure(String what, SQLException e) {
    return new UncheckedIOException(new IOException("the JDBC repository failed " + what + ": " + e.getMessage(), e));
  }

  static void closeQuietly(@Nullable AutoCloseable... resources) {
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception ignored) {
        // Closing after use: nothing more to do.
      }
    }
  }

  /** A forward-only cursor with its statement and connection, closed together. */
  private static final class Cursor {
    final Connection connection;
    final PreparedStatement statement;
    final ResultSet rs;
    final String what;
    private boolean closed;

    private Cursor(Connection connection, PreparedStatement statement, ResultSet rs, String what) {
      this.connection = connection;
      this.statement = statement;
      this.rs = rs;
      this.what = what;
    }

    static Cursor open(javax.sql.DataSource dataSource, String sql, List<String> params, int fetchSize, String what) {
      Connection c = null;
      PreparedStatement ps = null;
      try {
        c = dataSource.getConnection();
        // PostgreSQL streams with a fetch size only inside a transaction.
        c.setAutoCommit(false);
        c.setReadOnly(true);
        ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(fetchSize);
        bind(ps, params);
        return new Cursor(c, ps, ps.executeQuery(), what);
      } catch (SQLException e) {
        closeQuietly(ps, c);
        throw failure("reading " + what, e);
      }
    }

    <T> T call(Sql0<T> step) {
      try {
        return step.run();
      } catch (SQLException e) {
        throw failure("reading " + what, e);
      }
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // A read-only transaction: nothing to undo.
      }
      closeQuietly(rs, statement, connection);
    }
  }

  /** A step that may fail with an SQL exception. */
  @FunctionalInterface
  private interface Sql0<T> {
    T run() throws SQLException;
  }

  /** Connections from {@link DriverManager}, one per call. */
  private static final class DriverManagerDataSource implements javax.sql.DataSource {
    private final String url;
    private final @Nullable String user;
    private final @Nullable String password;

    DriverManagerDataSource(String url, @Nullable String user, @Nullable String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
      return DriverManager.getConnection(url, u, p);
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getLogger("dev.assessment.export.jdbc");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }

    @Override
    public String toString() {
      return "DriverManager[" + url + "]";
    }
  }

  /** Builds a {@link JdbcRepository}. */
  public static final class Builder {
    private final javax.sql.DataSource dataSource;
    private @Nullable Path mediaFolder;
    private int fetchSize = 500;

    private Builder(javax.sql.DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the folder that {@code content_path} values are relative to (default none: only stored bytes
     * content is found).
     *
     * @param mediaFolder the folder
     * @return this builder
     */
    public Builder mediaFolder(Path mediaFolder) {
      this.mediaFolder = Objects.requireNonNull(mediaFolder, "mediaFolder");
      return this;
    }

    /**
     * Sets how many rows the driver fetches at a time (default 500).
     *
     * @param fetchSize at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder fetchSize(int fetchSize) {
      if (fetchSize < 1) {
        throw new IllegalArgumentException("fetchSize must be at least 1, was " + fetchSize);
      }
      this.fetchSize = fetchSize;
      return this;
    }

    /**
     * Builds the repository.
     *
     * @return the repository
     */
    public JdbcRepository build() {
      return new JdbcRepository(this);
    }
  }

  @Override
  public String toString() {
    return "JdbcRepository[" + dataSource + "]";
  }
}
