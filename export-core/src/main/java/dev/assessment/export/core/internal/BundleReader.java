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
package dev.assessment.export.core.internal;

import dev.assessment.export.core.ExportException;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import dev.assessment.export.spi.memory.InMemoryRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/** Reads a bundle folder into an in-memory repository; see {@code Bundle}. */
public final class BundleReader {
  private static final String ASSESSMENTS = "assessments.csv";
  private static final String FILES = "files.csv";
  private static final String ATTRIBUTES = "attributes.csv";

  /** The columns of files.csv, before the optional {@code path}. */
  public static final List<String> FILE_COLUMNS =
      List.of(
          "file_id",
          "external_id",
          "file_name",
          "media_type",
          "data_source_id",
          "data_source_name",
          "order_id",
          "order_name");

  private final Path dir;
  private final boolean neutralised;
  private final Map<String, FileAcc> files = new LinkedHashMap<>();
  private final Map<String, String> dataSourceNames = new LinkedHashMap<>();
  private final Map<String, String> orderNames = new LinkedHashMap<>();
  private final Map<String, String> paths = new HashMap<>();
  private @Nullable String workflowId;
  private @Nullable String workflowName;

  /**
   * Creates a reader.
   *
   * @param dir the bundle's folder
   * @param neutralised whether assessments.csv's text cells were neutralised
   */
  public BundleReader(Path dir, boolean neutralised) {
    this.dir = dir.toAbsolutePath().normalize();
    this.neutralised = neutralised;
  }

  /**
   * Reads the bundle.
   *
   * @return the repository
   * @throws IOException if a file cannot be read or is malformed
   */
  public InMemoryRepository read() throws IOException {
    Path assessments = dir.resolve(ASSESSMENTS);
    if (!Files.isRegularFile(assessments)) {
      throw new ExportException(
          "not a bundle: "
              + dir
              + " has no "
              + ASSESSMENTS
              + " (export the long layout, ATTRIBUTE_VALUES, into it)");
    }
    List<AttributeDefinition> definitions = readAttributes();
    readFiles();
    Map<String, String> csvToName = new HashMap<>();
    Map<String, AttributeType> types = new HashMap<>();
    List<AttributeDefinition> seen = new ArrayList<>();
    if (definitions != null) {
      Workflow probe = new Workflow("probe", "", definitions);
      Columns.attributeNames(probe).forEach((name, csv) -> csvToName.put(csv, name));
      definitions.forEach(d -> types.put(d.name(), d.type()));
    }
    readAssessments(assessments, csvToName, types, definitions == null ? seen : null);
    if (workflowId == null) {
      throw new ExportException(
          ASSESSMENTS + " in " + dir + " has no data rows, so the bundle names no workflow");
    }
    Workflow workflow =
        new Workflow(
            workflowId,
            Objects.requireNonNull(workflowName, "set with the workflow id"),
            definitions != null ? definitions : seen);
    InMemoryRepository.Builder repo = InMemoryRepository.builder().workflow(workflow);
    dataSourceNames.forEach((id, name) -> repo.dataSource(new DataSource(id, workflowId, name)));
    orderNames.forEach((id, name) -> repo.order(new WorkflowOrder(id, workflowId, name)));
    for (FileAcc f : files.values()) {
      MediaFile file =
          new MediaFile(
              f.id, workflowId, f.externalId, f.fileName, f.mediaType, f.dataSourceId, f.orderId);
      List<Assessment> list = new ArrayList<>();
      for (AssessmentAcc a : f.assessments.values()) {
        List<Entity> entities = new ArrayList<>();
        for (EntityAcc e : a.entities.values()) {
          entities.add(new Entity(e.id, e.label, e.location, e.locationConfidence, e.attributes));
        }
        list.add(new Assessment(a.id, a.kind, a.step, a.assessor, a.assessedAt, entities));
      }
      repo.file(file, list);
      Path media = mediaPath(f);
      if (media != null) {
        repo.content(f.id, media);
      }
    }
    return repo.build();
  }

  private @Nullable Path mediaPath(FileAcc f) throws IOException {
    String declared = paths.get(f.id);
    String relative = declared != null && !declared.isEmpty() ? declared : "media/" + f.fileName;
    if (f.fileName.isEmpty() && (declared == null || declared.isEmpty())) {
      return null;
    }
    Path p;
    try {
      p = dir.resolve(relative).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new ExportException(
          f.where
              + ", column "
              + (declared != null && !declared.isEmpty() ? "path" : "file_name")
              + ": file "
              + f.id
              + "'s media path '"
              + relative.replace("\u0000", "\\0")
              + "' is not a path on this system ("
              + e.getReason()
              + "); give a path column in "
              + FILES);
    }
    if (!p.startsWith(dir)) {
      if (declared != null && !declared.isEmpty()) {
        throw new ExportException(
            FILES
                + ": the path of file "
                + f.id
                + " ("
                + declared
                + ") leads outside the bundle; give a path relative to the bundle's folder");
      }
      return null;
    }
    if (!Files.isRegularFile(p)) {
      return null;
    }
    // A link inside the bundle (the file itself, or media/) must not lead out of it.
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      return null;
    }
    if (!real.startsWith(dir.toRealPath())) {
      throw new ExportException(
          FILES
              + ": the content of file "
              + f.id
              + " ("
              + relative
              + ") is a link that leads outside the bundle, to "
              + real
              + "; copy the file into the bundle instead");
    }
    return p;
  }

  private @Nullable List<AttributeDefinition> readAttributes() throws IOException {
    Path path = dir.resolve(ATTRIBUTES);
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new ExportException(
          ATTRIBUTES + " in " + dir + " is not a regular file; remove it or put the file there");
    }
    if (!Files.isRegularFile(path)) {
      return null;
    }
    List<AttributeDefinition> out = new ArrayList<>();
    try (CSVParser parser = parse(path)) {
      Iterator<CSVRecord> it = parser.iterator();
      requireHeader(next(it, path, parser), List.of("name", "type"), path, false);
      while (true) {
        // The row's first line: the iterator parses a row ahead when asked whether there is one.
        long line = parser.getCurrentLineNumber() + 1;
        if (!hasNext(it, path, parser)) {
          break;
        }
        CSVRecord r = next(it, path, parser);
        String name = cell(r, 0, "name", path, line);
        String type = cell(r, 1, "type", path, line);
        AttributeType t;
        try {
          t = AttributeType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw error(path, line, "type", "'" + type + "' is not text, number, boolean or choices");
        }
        try {
          out.add(new AttributeDefinition(name, t));
        } catch (IllegalArgumentException e) {
          throw error(path, line, "name", String.valueOf(e.getMessage()));
        }
      }
    }
    return out;
  }

  private void readFiles() throws IOException {
    Path path = dir.resolve(FILES);
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new ExportException(
          FILES + " in " + dir + " is not a regular file; remove it or put the file there");
    }
    if (!Files.isRegularFile(path)) {
      return;
    }
    try (CSVParser parser = parse(path)) {
      Iterator<CSVRecord> it = parser.iterator();
      List<String> header = requireHeader(next(it, path, parser), FILE_COLUMNS, path, true);
      int pathColumn = header.indexOf("path");
      while (true) {
        // The row's first line: the iterator parses a row ahead when asked whether there is one.
        long line = parser.getCurrentLineNumber() + 1;
        if (!hasNext(it, path, parser)) {
          break;
        }
        CSVRecord r = next(it, path, parser);
        String[] c = new String[FILE_COLUMNS.size()];
        for (int i = 0; i < c.length; i++) {
          c[i] = cell(r, i, FILE_COLUMNS.get(i), path, line);
        }
        FileAcc f = file(c[0], c[1], c[2], c[4], c[6], path, line, "file_id");
        f.mediaType = c[3].isEmpty() ? null : c[3];
        name(dataSourceNames, c[4], c[5], path, line, "data_source_name");
        if (!c[6].isEmpty()) {
          name(orderNames, c[6], c[7], path, line, "order_name");
        }
        if (pathColumn >= 0) {
          paths.put(c[0], cell(r, pathColumn, "path", path, line));
        }
      }
    }
  }

  private void readAssessments(
      Path path,
      Map<String, String> csvToName,
      Map<String, AttributeType> types,
      @Nullable List<AttributeDefinition> seen)
      throws IOException {
    try (CSVParser parser = parse(path)) {
      Iterator<CSVRecord> it = parser.iterator();
      requireHeader(next(it, path, parser), Columns.LONG, path, false);
      while (true) {
        // The row's first line: the iterator parses a row ahead when asked whether there is one.
        long line = parser.getCurrentLineNumber() + 1;
        if (!hasNext(it, path, parser)) {
          break;
        }
        CSVRecord r = next(it, path, parser);
        String[] c = new String[Columns.LONG.size()];
        for (int i = 0; i < c.length; i++) {
          String raw = cell(r, i, Columns.LONG.get(i), path, line);
          // Only text is ever neutralised, and no number, boolean, choice list, polygon or time
          // starts with an apostrophe, so un-neutralising every cell but the time and the
          // confidence is exact.
          boolean text = i != 13 && i != 18;
          c[i] = text && neutralised ? Cells.unneutralise(raw) : raw;
        }
        row(c, path, line, csvToName, types, seen);
      }
    }
  }

  private void row(
      String[] c,
      Path path,
      long line,
      Map<String, String> csvToName,
      Map<String, AttributeType> types,
      @Nullable List<AttributeDefinition> seen)
      throws ExportException {
    if (workflowId == null) {
      if (c[0].isEmpty()) {
        throw error(path, line, "workflow_id", "is empty");
      }
      workflowId = c[0];
      workflowName = c[1];
    } else if (!workflowId.equals(c[0])) {
      throw error(
          path,
          line,
          "workflow_id",
          "is "
              + c[0]
              + " but earlier rows are of workflow "
              + workflowId
              + ": a bundle holds one workflow");
    }
    if (c[4].isEmpty()) {
      throw error(path, line, "data_source_id", "is empty: every file comes from a data source");
    }
    name(dataSourceNames, c[4], c[5], path, line, "data_source_name");
    if (!c[2].isEmpty()) {
      name(orderNames, c[2], c[3], path, line, "order_name");
    }
    FileAcc file = file(c[6], c[7], c[8], c[4], c[2], path, line, "file_id");
    if (c[9].isEmpty()) {
      throw error(path, line, "assessment_id", "is empty: a row belongs to an assessment");
    }
    AssessmentKind kind;
    try {
      kind = AssessmentKind.valueOf(c[10].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(path, line, "assessment_kind", "'" + c[10] + "' is neither machine nor human");
    }
    Instant at;
    try {
      at = Instant.parse(c[13]);
    } catch (DateTimeParseException e) {
      throw error(
          path,
          line,
          "assessed_at",
          "'" + c[13] + "' is not an ISO-8601 UTC time such as 2025-11-19T08:00:00Z");
    }
    AssessmentAcc a = file.assessments.get(c[9]);
    if (a == null) {
      a = new AssessmentAcc(c[9], kind, emptyToNull(c[11]), emptyToNull(c[12]), at);
      file.assessments.put(c[9], a);
    } else if (a.kind != kind
        || !Objects.equals(a.step, emptyToNull(c[11]))
        || !Objects.equals(a.assessor, emptyToNull(c[12]))
        || !a.assessedAt.equals(at)) {
      throw error(
          path,
          line,
          "assessment_id",
          "assessment " + c[9] + " has other kind, step, assessor or time than on earlier rows");
    }
    String entityId = c[14];
    String attribute = c[16];
    if (entityId.isEmpty()) {
      if (!attribute.isEmpty() || !c[15].isEmpty()) {
        throw error(path, line, "entity_id", "is empty but the row has a label or an attribute");
      }
      return;
    }
    EntityAcc e = a.entities.computeIfAbsent(entityId, id -> new EntityAcc(id, emptyToNull(c[15])));
    if (attribute.isEmpty()) {
      return;
    }
    Double confidence = confidence(c[18], path, line);
    if (attribute.equals(Columns.LOCATION)) {
      if (e.location != null) {
        throw error(path, line, "attribute", "entity " + entityId + " has a second location row");
      }
      if (c[17].isEmpty()) {
        return;
      }
      e.location = polygon(c[17], path, line);
      e.locationConfidence = confidence;
      return;
    }
    String name = csvToName.getOrDefault(attribute, attribute);
    AttributeType type = types.get(name);
    if (type == null) {
      type = AttributeType.TEXT;
      if (seen != null && seen.stream().noneMatch(d -> d.name().equals(name))) {
        seen.add(new AttributeDefinition(name, AttributeType.TEXT));
      }
    }
    for (AttributeValue earlier : e.attributes) {
      if (earlier.name().equals(name)) {
        throw error(
            path,
            line,
            "attribute",
            "entity "
                + entityId
                + " of assessment "
                + c[9]
                + " already has a row for attribute '"
                + attribute
                + "': keep one row (a list of choices holds several values in one cell)");
      }
    }
    try {
      e.attributes.add(new AttributeValue(name, value(type, c[17]), confidence));
    } catch (IllegalArgumentException ex) {
      throw error(path, line, "value", String.valueOf(ex.getMessage()));
    }
  }

  /** A decimal number: what the exporter writes, and the exponent a spreadsheet may add. */
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

  private static Value value(AttributeType type, String cell) {
    if (cell.isEmpty() && type != AttributeType.TEXT) {
      return Value.unanswered(type);
    }
    return switch (type) {
      case TEXT -> Value.text(cell);
      case NUMBER -> {
        if (!DECIMAL.matcher(cell).matches()) {
          throw new IllegalArgumentException(
              "'"
                  + cell
                  + "' is not a number as the exporter writes them: a decimal such as 2, -0.5"
                  + " or 1e3 (NaN, Infinity and hexadecimal are refused: the exporter writes a"
                  + " non-finite number as an empty cell)");
        }
        yield Value.number(Double.parseDouble(cell));
      }
      case BOOLEAN -> {
        if (!cell.equals("true") && !cell.equals("false")) {
          throw new IllegalArgumentException("'" + cell + "' is neither true nor false");
        }
        yield Value.bool(cell.equals("true"));
      }
      case CHOICES -> Value.choices(Json.parseStringArray(cell));
    };
  }

  private static Polygon polygon(String cell, Path path, long line) throws ExportException {
    try {
      if (cell.startsWith("[")) {
        return Polygon.of(Json.parsePointArray(cell));
      }
      return Wkt.parsePolygon(cell);
    } catch (IllegalArgumentException e) {
      throw error(
          path, line, "value", "the location is not a WKT or JSON polygon: " + e.getMessage());
    }
  }

  private static @Nullable Double confidence(String cell, Path path, long line)
      throws ExportException {
    if (cell.isEmpty()) {
      return null;
    }
    if (!DECIMAL.matcher(cell).matches()) {
      throw error(path, line, "confidence", "'" + cell + "' is not a decimal number such as 0.9");
    }
    double d = Double.parseDouble(cell);
    if (!(d >= 0 && d <= 1)) {
      throw error(path, line, "confidence", cell + " is outside [0, 1]");
    }
    return d;
  }

  private FileAcc file(
      String id,
      String externalId,
      String fileName,
      String dataSourceId,
      String orderId,
      Path path,
      long line,
      String column)
      throws ExportException {
    if (id.isEmpty()) {
      throw error(path, line, column, "is empty");
    }
    FileAcc f = files.get(id);
    String order = emptyToNull(orderId);
    if (f == null) {
      f = new FileAcc(id, externalId, fileName, dataSourceId, order);
      f.where = path.getFileName() + " line " + line;
      files.put(id, f);
    } else if (!f.externalId.equals(externalId)
        || !f.fileName.equals(fileName)
        || !f.dataSourceId.equals(dataSourceId)
        || !Objects.equals(f.orderId, order)) {
      throw error(
          path,
          line,
          column,
          "file " + id + " has another external id, name, data source or order than before");
    }
    return f;
  }

  private static void name(
      Map<String, String> names, String id, String name, Path path, long line, String column)
      throws ExportException {
    String previous = names.putIfAbsent(id, name);
    if (previous != null && !previous.equals(name)) {
      throw error(
          path,
          line,
          column,
          "'" + name + "' differs from '" + previous + "' given earlier for id " + id);
    }
  }

  private static List<String> requireHeader(
      CSVRecord header, List<String> expected, Path path, boolean extraAllowed)
      throws ExportException {
    List<String> actual = header.toList();
    boolean ok =
        extraAllowed
            ? actual.size() >= expected.size()
                && actual.subList(0, expected.size()).equals(expected)
            : actual.equals(expected);
    if (!ok) {
      throw new ExportException(
          path.getFileName()
              + " line 1: the header is "
              + actual
              + " but must be "
              + expected
              + (extraAllowed ? " (optionally followed by path)" : ""));
    }
    return actual;
  }

  private static String cell(CSVRecord r, int i, String column, Path path, long line)
      throws ExportException {
    if (i >= r.size()) {
      throw error(path, line, column, "is missing: the row has only " + r.size() + " cells");
    }
    return r.get(i);
  }

  private static CSVRecord next(Iterator<CSVRecord> it, Path path, CSVParser parser)
      throws ExportException {
    try {
      if (!it.hasNext()) {
        throw new ExportException(path.getFileName() + " is empty: it needs at least a header");
      }
      return it.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      refuseIfNotUtf8(e, path);
      throw new ExportException(
          path.getFileName()
              + " line "
              + parser.getCurrentLineNumber()
              + ": malformed CSV: "
              + e.getMessage(),
          e);
    }
  }

  /** As {@link Iterator#hasNext()}, which parses ahead and so meets malformed CSV first. */
  private static boolean hasNext(Iterator<CSVRecord> it, Path path, CSVParser parser)
      throws ExportException {
    long line = parser.getCurrentLineNumber() + 1;
    try {
      return it.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      refuseIfNotUtf8(e, path);
      throw new ExportException(
          path.getFileName()
              + " line "
              + line
              + ": malformed CSV in the row that starts there: "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
              + " (a quote that opens a cell must close it; a quote inside a quoted cell is"
              + " doubled)",
          e);
    }
  }

  /**
   * When the parser failed because its decoder met bytes that are not UTF-8, reads the file again
   * to name the line and column of the first bad byte: the decoder alone could only tell the line
   * the parser had buffered up to. Only a failing file is read twice.
   */
  private static void refuseIfNotUtf8(RuntimeException failure, Path path) throws ExportException {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.nio.charset.CharacterCodingException) {
        requireUtf8(path);
        return;
      }
    }
  }

  /** Refuses a file that is not UTF-8, naming the line, column and byte of the first bad byte. */
  private static void requireUtf8(Path path) throws ExportException {
    java.nio.charset.CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
    java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
    long line = 1;
    long column = 1;
    long offset = 0;
    try (InputStream in = Files.newInputStream(path)) {
      boolean end = false;
      while (!end) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        if (n > 0) {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        java.nio.charset.CoderResult result = decoder.decode(bytes, chars, end);
        chars.flip();
        while (chars.hasRemaining()) {
          char ch = chars.get();
          if (ch == '\n') {
            line++;
            column = 1;
          } else if (!Character.isLowSurrogate(ch)) {
            column++;
          }
        }
        chars.clear();
        if (result.isError()) {
          throw new ExportException(
              path.getFileName()
                  + " line "
                  + line
                  + ", column "
                  + column
                  + " (byte "
                  + (offset + bytes.position() + 1)
                  + "): not UTF-8; save the file as UTF-8");
        }
        offset += bytes.position();
        bytes.compact();
      }
    } catch (ExportException e) {
      throw e;
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  private static ExportException unreadable(Path path, IOException e) {
    return new ExportException(
        path.getFileName() + " in " + path.getParent() + " cannot be read: " + e, e);
  }

  private static ExportException error(Path path, long line, String column, String message) {
    return new ExportException(
        path.getFileName() + " line " + line + ", column " + column + ": " + message);
  }

  private static CSVParser parse(Path path) throws IOException {
    PushbackInputStream in;
    try {
      in = new PushbackInputStream(Files.newInputStream(path), 3);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
    byte[] head = in.readNBytes(3);
    boolean bom =
        head.length == 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF;
    if (!bom) {
      in.unread(head);
    }
    Reader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
    CSVFormat format = Cells.FORMAT.builder().get();
    return CSVParser.builder().setReader(reader).setFormat(format).get();
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static final class FileAcc {
    final String id;
    final String externalId;
    final String fileName;
    final String dataSourceId;
    final @Nullable String orderId;
    @Nullable String mediaType;
    final Map<String, AssessmentAcc> assessments = new LinkedHashMap<>();

    /** Where the file was first described, for errors about its media. */
    @Nullable String where;

    FileAcc(
        String id,
        String externalId,
        String fileName,
        String dataSourceId,
        @Nullable String orderId) {
      this.id = id;
      this.externalId = externalId;
      this.fileName = fileName;
      this.dataSourceId = dataSourceId;
      this.orderId = orderId;
    }
  }

  private static final class AssessmentAcc {
    final String id;
    final AssessmentKind kind;
    final @Nullable String step;
    final @Nullable String assessor;
    final Instant assessedAt;
    final Map<String, EntityAcc> entities = new LinkedHashMap<>();

    AssessmentAcc(
        String id,
        AssessmentKind kind,
        @Nullable String step,
        @Nullable String assessor,
        Instant assessedAt) {
      this.id = id;
      this.kind = kind;
      this.step = step;
      this.assessor = assessor;
      this.assessedAt = assessedAt;
    }
  }

  private static final class EntityAcc {
    final String id;
    final @Nullable String label;
    @Nullable Polygon location;
    @Nullable Double locationConfidence;
    final List<AttributeValue> attributes = new ArrayList<>();

    EntityAcc(String id, @Nullable String label) {
      this.id = id;
      this.label = label;
    }
  }
}
