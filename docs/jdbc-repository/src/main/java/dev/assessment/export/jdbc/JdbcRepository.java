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
import org.jspecify.annotations.Nullable;

/**
 * The repository SPI over the reference schema (see {@link JdbcSchema}). Thread-safe: every call
 * takes its own connection from the {@link javax.sql.DataSource} and gives it back when its stream
 * or content is closed.
 */
public final class JdbcRepository
    implements WorkflowRepository, AssessmentRepository, MediaRepository {
  private static final String FILE_COLUMNS =
      "f.id, f.workflow_id, f.external_id, f.file_name, f.media_type, f.data_source_id, f.order_id";

  /**
   * Where the content is, read with the listing so that {@link #open(MediaFile)} needs no look-up
   * for files on disk: the path, and the length of stored bytes.
   */
  private static final String STORAGE_COLUMNS =
      "f.content_path AS storage_path, OCTET_LENGTH(f.content) AS content_size";

  /** Stored bytes are read in chunks of this size, one query each, never whole. */
  static final int CHUNK = 1 << 20;

  private final javax.sql.DataSource dataSource;
  private final @Nullable Path mediaFolder;
  private final int fetchSize;
  private final int readAhead;

  private JdbcRepository(Builder b) {
    this.dataSource = b.dataSource;
    this.mediaFolder = b.mediaFolder == null ? null : b.mediaFolder.toAbsolutePath().normalize();
    this.fetchSize = b.fetchSize;
    this.readAhead = b.readAhead;
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
    return query(
        "listing the workflows",
        c -> {
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
    return query(
        "reading workflow " + workflowId,
        c -> {
          String name;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT name FROM ae_workflow WHERE id = ?")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              name = rs.getString(1);
            }
          }
          List<AttributeDefinition> attributes = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT name, type FROM ae_attribute_definition WHERE workflow_id = ? ORDER BY position")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                attributes.add(
                    AttributeDefinition.of(
                        rs.getString(1), AttributeType.valueOf(rs.getString(2))));
              }
            }
          }
          return Optional.of(new Workflow(workflowId, name, attributes));
        });
  }

  @Override
  public List<WorkflowOrder> orders(String workflowId) {
    return query(
        "reading the orders of workflow " + workflowId,
        c -> {
          List<WorkflowOrder> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
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
    return query(
        "reading the data sources of workflow " + workflowId,
        c -> {
          List<DataSource> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
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
    return query(
        "counting the files of workflow " + query.workflowId(),
        c -> {
          List<String> params = new ArrayList<>();
          String where = where(query, params);
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM ae_file f WHERE " + where)) {
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
    String sql =
        "SELECT "
            + FILE_COLUMNS
            + ", "
            + STORAGE_COLUMNS
            + " FROM ae_file f WHERE "
            + where(query, params)
            + " ORDER BY f.seq";
    Cursor cursor =
        Cursor.open(
            dataSource,
            sql,
            params,
            null,
            fetchSize,
            "the files of workflow " + query.workflowId());
    Spliterator<MediaFile> s =
        new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
          @Override
          public boolean tryAdvance(Consumer<? super MediaFile> action) {
            return cursor.call(
                () -> {
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
   * Returns the files of a query with their assessments. Files are read in pages of {@code
   * fetchSize} files by key ({@code seq > last}), each page one statement that joins files,
   * assessments, entities and values and orders them by file, so that no query runs per file and no
   * statement sorts more than a page: the first file comes at once, and neither the database nor
   * the driver holds the whole result (H2 sorts a join in memory; PostgreSQL would spill a large
   * sort to disk). The data source and order filters are {@code WHERE} conditions; {@code LATEST}
   * keeps, in SQL, the assessments at each file's latest time (the exporter breaks a tie on time by
   * id). One connection serves every page of the stream, read {@code readAhead} files ahead on a
   * thread of its own, which closing the stream stops before it closes the connection.
   */
  @Override
  public Stream<AssessedFile> assessedFiles(FileQuery query) {
    List<String> params = new ArrayList<>();
    String latest =
        query.scope() == AssessmentScope.LATEST
            ? " AND a.assessed_at = (SELECT MAX(a2.assessed_at) FROM ae_assessment a2 WHERE a2.file_id = f.id)"
            : "";
    String sql =
        "SELECT "
            + FILE_COLUMNS
            + ", f.seq,"
            + " a.id, a.kind, a.step, a.assessor, a.assessed_at,"
            + " e.position, e.id, e.label, e.location, e.location_confidence,"
            + " v.position, v.name, v.type, v.text_value, v.number_value, v.bool_value, v.confidence,"
            + " f.storage_path, f.content_size"
            + " FROM (SELECT f.seq, "
            + FILE_COLUMNS
            + ", "
            + STORAGE_COLUMNS
            + " FROM ae_file f"
            + " WHERE "
            + where(query, params)
            + " AND f.seq > ? ORDER BY f.seq"
            + " FETCH FIRST "
            + fetchSize
            + " ROWS ONLY) f"
            + " LEFT JOIN ae_assessment a ON a.file_id = f.id"
            + latest
            + " LEFT JOIN ae_entity e ON e.file_id = a.file_id AND e.assessment_id = a.id"
            + " LEFT JOIN ae_attribute_value v ON v.file_id = e.file_id AND v.assessment_id = e.assessment_id"
            + " AND v.entity_position = e.position"
            + " ORDER BY f.seq, a.id, e.position, v.position";
    Cursor cursor =
        Cursor.open(
            dataSource,
            sql,
            params,
            Long.MIN_VALUE,
            fetchSize,
            "the files of workflow " + query.workflowId());
    Spliterator<AssessedFile> s =
        new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
          private boolean onRow;
          private boolean started;
          private int filesInPage;
          private long lastSeq = Long.MIN_VALUE;

          @Override
          public boolean tryAdvance(Consumer<? super AssessedFile> action) {
            return cursor.call(
                () -> {
                  if (!started) {
                    started = true;
                    onRow = cursor.rs.next();
                  }
                  if (!onRow && filesInPage == fetchSize) {
                    // A full page: there may be more files after the last one.
                    cursor.nextPage(lastSeq);
                    filesInPage = 0;
                    onRow = cursor.rs.next();
                  }
                  if (!onRow) {
                    return false;
                  }
                  action.accept(readFile(cursor.rs));
                  filesInPage++;
                  return true;
                });
          }

          /** Reads the rows of one file, leaving the cursor on the next file's first row. */
          private AssessedFile readFile(ResultSet rs) throws SQLException {
            MediaFile file = file(rs);
            long seq = rs.getLong(8);
            lastSeq = seq;
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
    Stream<AssessedFile> files = StreamSupport.stream(s, false).onClose(cursor::close);
    return readAhead == 0 ? files : ReadAhead.of(files, readAhead);
  }

  /**
   * Opens a file's content. A file on disk is opened from its storage key (the {@code content_path}
   * the listing read) without a query; stored bytes are read in chunks of {@value #CHUNK} bytes
   * with {@code SUBSTRING}, one short query each, so that neither the driver nor the heap ever
   * holds a whole file (pgjdbc reads a {@code bytea} value whole) and no connection is held while
   * the exporter waits.
   */
  @Override
  public InputStream open(MediaFile file) throws IOException, SQLException {
    if (file.storageKey() != null) {
      return openPath(file, file.storageKey());
    }
    if (file.size() != null) {
      // The listing read the length of the stored bytes: no look-up needed.
      return new ChunkedContent(dataSource, file.id(), file.size());
    }
    String path;
    Long size;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT content_path, OCTET_LENGTH(content) FROM ae_file WHERE id = ?")) {
      ps.setString(1, file.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new MediaNotFoundException("no file " + file.id() + " in the database");
        }
        path = rs.getString(1);
        long length = rs.getLong(2);
        size = rs.wasNull() ? null : length;
      }
    }
    if (size != null) {
      return new ChunkedContent(dataSource, file.id(), size);
    }
    if (path == null) {
      throw new MediaNotFoundException("no content for file " + file.id());
    }
    return openPath(file, path);
  }

  private InputStream openPath(MediaFile file, String path) throws IOException {
    try {
      return Files.newInputStream(media(file, path));
    } catch (NoSuchFileException e) {
      throw new MediaNotFoundException(
          "no content for file " + file.id() + " at " + e.getFile(), e);
    }
  }

  /** Stored bytes, read a chunk at a time with one query per chunk. */
  private static final class ChunkedContent extends InputStream {
    private final javax.sql.DataSource dataSource;
    private final String fileId;
    private final long size;
    private long position;
    private byte[] chunk = new byte[0];
    private int offset;

    ChunkedContent(javax.sql.DataSource dataSource, String fileId, long size) {
      this.dataSource = dataSource;
      this.fileId = fileId;
      this.size = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (offset == chunk.length && !fill()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - offset);
      System.arraycopy(chunk, offset, b, off, n);
      offset += n;
      return n;
    }

    private boolean fill() throws IOException {
      if (position >= size) {
        return false;
      }
      int want = (int) Math.min(CHUNK, size - position);
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT SUBSTRING(content FROM ? FOR ?) FROM ae_file WHERE id = ?")) {
        // bytea and BINARY VARYING values stay below 2 GiB, so an int position suffices.
        ps.setInt(1, Math.toIntExact(position + 1));
        ps.setInt(2, want);
        ps.setString(3, fileId);
        try (ResultSet rs = ps.executeQuery()) {
          byte[] bytes = rs.next() ? rs.getBytes(1) : null;
          if (bytes == null || bytes.length == 0) {
            throw new IOException(
                "the content of file "
                    + fileId
                    + " ended at byte "
                    + position
                    + " of "
                    + size
                    + ": it was changed or removed while it was read");
          }
          chunk = bytes;
          offset = 0;
          position += bytes.length;
          return true;
        }
      } catch (SQLException e) {
        throw new IOException(
            "the JDBC repository failed reading the content of file "
                + fileId
                + " at byte "
                + position
                + ": "
                + e,
            e);
      }
    }
  }

  private Path media(MediaFile file, String relative) throws MediaNotFoundException {
    if (mediaFolder == null) {
      throw new MediaNotFoundException(
          "file "
              + file.id()
              + " has content at "
              + relative
              + ", but the repository has no media folder:"
              + " build it with mediaFolder(…)");
    }
    Path p = mediaFolder.resolve(relative).normalize();
    if (!p.startsWith(mediaFolder)) {
      throw new MediaNotFoundException(
          "the content path of file " + file.id() + " leads outside the media folder");
    }
    return p;
  }

  private static MediaFile file(ResultSet rs) throws SQLException {
    long length = rs.getLong("content_size");
    Long size = rs.wasNull() ? null : length;
    return new MediaFile(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString("storage_path"),
        size,
        null);
  }

  private static AttributeValue value(ResultSet rs) throws SQLException {
    String name = rs.getString(20);
    AttributeType type = AttributeType.valueOf(rs.getString(21));
    Value value =
        switch (type) {
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
      return new Entity(
          id, label, location == null ? null : Codec.polygon(location), confidence, values);
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
    return new UncheckedIOException(
        new IOException("the JDBC repository failed " + what + ": " + e.getMessage(), e));
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

  /**
   * A forward-only cursor with its statement and connection, closed together; a paged statement
   * takes the key to start after as its last parameter and is run again for each page.
   */
  private static final class Cursor {
    final Connection connection;
    final PreparedStatement statement;
    final List<String> params;
    ResultSet rs;
    final String what;
    private boolean closed;

    private Cursor(
        Connection connection, PreparedStatement statement, List<String> params, String what) {
      this.connection = connection;
      this.statement = statement;
      this.params = params;
      this.what = what;
    }

    /**
     * Opens a cursor.
     *
     * @param after for a paged statement, the key to start after; null for a plain one
     */
    static Cursor open(
        javax.sql.DataSource dataSource,
        String sql,
        List<String> params,
        @Nullable Long after,
        int fetchSize,
        String what) {
      Connection c = null;
      PreparedStatement ps = null;
      try {
        c = dataSource.getConnection();
        // PostgreSQL streams with a fetch size only inside a transaction.
        c.setAutoCommit(false);
        c.setReadOnly(true);
        ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(fetchSize);
        Cursor cursor = new Cursor(c, ps, params, what);
        cursor.execute(after);
        return cursor;
      } catch (SQLException e) {
        closeQuietly(ps, c);
        throw failure("reading " + what, e);
      }
    }

    private void execute(@Nullable Long after) throws SQLException {
      bind(statement, params);
      if (after != null) {
        statement.setLong(params.size() + 1, after);
      }
      rs = statement.executeQuery();
    }

    /** Runs a paged statement again for the page after a key. */
    void nextPage(long after) throws SQLException {
      rs.close();
      execute(after);
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
      return user == null
          ? DriverManager.getConnection(url)
          : DriverManager.getConnection(url, user, password);
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
    private int readAhead = 64;

    private Builder(javax.sql.DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the folder that {@code content_path} values are relative to (default none: only stored
     * bytes content is found).
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
     * Sets how many files {@code assessedFiles} reads ahead on a thread of its own, so that the
     * database fetch overlaps the export's formatting (default 64; 0 reads on the caller's thread).
     *
     * @param files at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder readAhead(int files) {
      if (files < 0) {
        throw new IllegalArgumentException("readAhead must be at least 0, was " + files);
      }
      this.readAhead = files;
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
