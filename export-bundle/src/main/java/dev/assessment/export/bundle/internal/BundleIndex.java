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
package dev.assessment.export.bundle.internal;

import static dev.assessment.export.bundle.internal.CsvFiles.cell;
import static dev.assessment.export.bundle.internal.CsvFiles.error;

import dev.assessment.export.core.CsvLayouts;
import dev.assessment.export.core.ExportException;
import dev.assessment.export.core.layout.CsvText;
import dev.assessment.export.spi.Assessment;
import dev.assessment.export.spi.AssessmentKind;
import dev.assessment.export.spi.AttributeDefinition;
import dev.assessment.export.spi.AttributeType;
import dev.assessment.export.spi.AttributeValue;
import dev.assessment.export.spi.DataSource;
import dev.assessment.export.spi.Entity;
import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.MediaNotFoundException;
import dev.assessment.export.spi.Polygon;
import dev.assessment.export.spi.Value;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * What a bundle holds, except its assessment rows: the workflow, the files, their data sources and
 * orders, and where each file's rows lie in {@code assessments.csv}. Opening reads {@code
 * attributes.csv} and {@code files.csv}; the rows are found with one pass over the bytes of {@code
 * assessments.csv} (when opening, if either of the other two is missing, else at the first query
 * that needs assessments), and each file's rows are parsed only when that file is asked for.
 */
public final class BundleIndex {
  /** The long CSV. */
  public static final String ASSESSMENTS = "assessments.csv";

  /** The optional file list. */
  public static final String FILES = "files.csv";

  /** The optional attribute definitions. */
  public static final String ATTRIBUTES = "attributes.csv";

  /** The folder of media by default. */
  public static final String MEDIA = "media";

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

  /** The columns of assessments.csv: the long layout's. */
  private static final List<String> COLUMNS = CsvLayouts.attributeValuesColumns();

  private static final int FILE_ID = 6;
  private static final int ATTRIBUTE = 16;

  private final Path dir;
  private final Path assessments;
  private final boolean neutralised;
  private final long rowsFrom;
  private final Workflow workflow;
  private final Map<String, Entry> files;
  private final Map<String, String> dataSourceNames;
  private final Map<String, String> orderNames;
  private final Map<String, String> csvToName = new HashMap<>();
  private final Map<String, AttributeType> types = new HashMap<>();
  private volatile @Nullable Map<String, Runs> runs;

  /** One file: its description, where that was, and the media path it was given. */
  private record Entry(MediaFile file, String where, @Nullable String declaredPath) {}

  /** The runs of one file's rows in assessments.csv: start, end, first line and rows, each. */
  private static final class Runs {
    long[] ranges = new long[4];
    int count;

    void add(long start, long end, long line) {
      if (count > 0 && ranges[count * 4 - 3] == start) {
        ranges[count * 4 - 3] = end; // the next row of the same run
        ranges[count * 4 - 1]++;
        return;
      }
      if (count * 4 == ranges.length) {
        ranges = Arrays.copyOf(ranges, ranges.length * 2);
      }
      ranges[count * 4] = start;
      ranges[count * 4 + 1] = end;
      ranges[count * 4 + 2] = line;
      ranges[count * 4 + 3] = 1;
      count++;
    }
  }

  /**
   * Opens a bundle.
   *
   * @param dir the bundle's folder
   * @param neutralised whether assessments.csv's text cells were neutralised
   * @return the index
   * @throws IOException if a file cannot be read or is malformed
   */
  public static BundleIndex open(Path dir, boolean neutralised) throws IOException {
    return new Builder(dir.toAbsolutePath().normalize(), neutralised).build();
  }

  private BundleIndex(Builder b, Workflow workflow, @Nullable Map<String, Runs> runs) {
    this.dir = b.dir;
    this.assessments = b.assessments;
    this.neutralised = b.neutralised;
    this.rowsFrom = b.rowsFrom;
    this.workflow = workflow;
    this.dataSourceNames = Map.copyOf(b.dataSourceNames);
    this.orderNames = Map.copyOf(b.orderNames);
    this.runs = runs;
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (FileAcc f : b.files.values()) {
      MediaFile file =
          new MediaFile(
              f.id,
              workflow.id(),
              f.externalId,
              f.fileName,
              f.mediaType,
              f.dataSourceId,
              f.orderId);
      if (f.size != null || f.sha256 != null) {
        file = file.withStorage(null, f.size, f.sha256);
      }
      entries.put(f.id, new Entry(file, f.where, b.paths.get(f.id)));
    }
    this.files = entries;
    CsvLayouts.attributeColumnNames(workflow).forEach((name, csv) -> csvToName.put(csv, name));
    workflow.attributes().forEach(d -> types.put(d.name(), d.type()));
  }

  /**
   * Returns a printer of a bundle's CSV files, in the format the exporter writes and a bundle
   * reads.
   *
   * @param out where to print
   * @return the printer
   * @throws IOException if the printer cannot start
   */
  public static org.apache.commons.csv.CSVPrinter printer(java.io.Writer out) throws IOException {
    return new org.apache.commons.csv.CSVPrinter(out, CsvFiles.FORMAT);
  }

  /** The bundle's folder. */
  public Path dir() {
    return dir;
  }

  /** The bundle's workflow. */
  public Workflow workflow() {
    return workflow;
  }

  /** The files, in the bundle's order. */
  public List<MediaFile> files() {
    return files.values().stream().map(Entry::file).toList();
  }

  /** The data sources files name, in the order they were first named. */
  public List<DataSource> dataSources() {
    List<DataSource> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Entry e : files.values()) {
      String id = e.file().dataSourceId();
      if (seen.add(id)) {
        out.add(new DataSource(id, workflow.id(), dataSourceNames.getOrDefault(id, "")));
      }
    }
    return out;
  }

  /** The orders files name, in the order they were first named. */
  public List<WorkflowOrder> orders() {
    List<WorkflowOrder> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Entry e : files.values()) {
      String id = e.file().orderId();
      if (id != null && seen.add(id)) {
        out.add(new WorkflowOrder(id, workflow.id(), orderNames.getOrDefault(id, "")));
      }
    }
    return out;
  }

  /**
   * Opens assessments.csv for {@link #assessments}; the caller closes it.
   *
   * @return the rows, read from one file channel
   * @throws IOException if it cannot be opened
   */
  public RowCursor openRows() throws IOException {
    try {
      return new RowCursor(FileChannel.open(assessments, StandardOpenOption.READ), assessments);
    } catch (IOException e) {
      throw CsvFiles.unreadable(assessments, e);
    }
  }

  /**
   * Reads one file's assessments from its rows. Files read in the order of their rows share one
   * parser; a file whose rows lie elsewhere gets a parser that starts there.
   *
   * @param file a file of this bundle
   * @param rows assessments.csv, from {@link #openRows()}
   * @return the assessments, in the order of their first rows
   * @throws IOException if the rows cannot be read or are malformed: the message names the line and
   *     column
   */
  public List<Assessment> assessments(MediaFile file, RowCursor rows) throws IOException {
    Runs r = runs().get(file.id());
    if (r == null) {
      return List.of();
    }
    Map<String, AssessmentAcc> acc = new LinkedHashMap<>();
    String[] c = new String[COLUMNS.size()];
    for (int i = 0; i < r.count; i++) {
      rows.seek(r.ranges[i * 4], r.ranges[i * 4 + 2]);
      for (long n = r.ranges[i * 4 + 3]; n > 0; n--) {
        long line = rows.line();
        CSVRecord record = rows.next();
        for (int k = 0; k < c.length; k++) {
          String raw = cell(record, k, COLUMNS.get(k), assessments, line);
          // Only text is ever neutralised, and no number, boolean, choice list, polygon or time
          // starts with an apostrophe, so un-neutralising every cell but the time and the
          // confidence is exact.
          boolean text = k != 13 && k != 18;
          c[k] = text && neutralised ? CsvText.unneutralise(raw) : raw;
        }
        row(file, c, line, acc, rows);
      }
      rows.ended(r.ranges[i * 4 + 1]);
    }
    List<Assessment> list = new ArrayList<>(acc.size());
    for (AssessmentAcc a : acc.values()) {
      List<Entity> entities = new ArrayList<>(a.entities.size());
      for (EntityAcc e : a.entities.values()) {
        entities.add(new Entity(e.id, e.label, e.location, e.locationConfidence, e.attributes));
      }
      list.add(new Assessment(a.id, a.kind, a.step, a.assessor, a.assessedAt, entities));
    }
    return list;
  }

  /**
   * Opens a file's media.
   *
   * @param file a file of this bundle
   * @return the content
   * @throws MediaNotFoundException if the bundle holds none for the file
   * @throws IOException if it cannot be read, or is a link that leads outside the bundle
   */
  public InputStream open(MediaFile file) throws IOException {
    Entry e = files.get(file.id());
    if (e == null) {
      throw new MediaNotFoundException("file " + file.id() + " is not in the bundle " + dir);
    }
    Path p = mediaPath(e);
    if (p == null || !Files.isRegularFile(p)) {
      throw new MediaNotFoundException(
          "the bundle holds no content for file "
              + file.id()
              + (p == null ? "" : " (" + dir.relativize(p) + ")"));
    }
    // A link inside the bundle (the file itself, or a folder) must not lead out of it.
    Path real = p.toRealPath();
    if (!real.startsWith(dir.toRealPath())) {
      throw new ExportException(
          FILES
              + ": the content of file "
              + file.id()
              + " ("
              + dir.relativize(p)
              + ") is a link that leads outside the bundle, to "
              + real
              + "; copy the file into the bundle instead");
    }
    return Files.newInputStream(p);
  }

  private @Nullable Path mediaPath(Entry e) throws ExportException {
    MediaFile f = e.file();
    String declared = e.declaredPath();
    boolean given = declared != null && !declared.isEmpty();
    if (f.fileName().isEmpty() && !given) {
      return null;
    }
    String relative = given && declared != null ? declared : MEDIA + "/" + f.fileName();
    Path p;
    try {
      p = dir.resolve(relative).normalize();
    } catch (InvalidPathException ex) {
      throw new ExportException(
          e.where()
              + ", column "
              + (given ? "path" : "file_name")
              + ": file "
              + f.id()
              + "'s media path '"
              + relative.replace("\u0000", "\\0")
              + "' is not a path on this system ("
              + ex.getReason()
              + "); give a path column in "
              + FILES);
    }
    if (!p.startsWith(dir)) {
      if (given) {
        throw new ExportException(
            FILES
                + ": the path of file "
                + f.id()
                + " ("
                + declared
                + ") leads outside the bundle; give a path relative to the bundle's folder");
      }
      return null;
    }
    return p;
  }

  /** The rows of each file, found with one pass over assessments.csv on first use. */
  private Map<String, Runs> runs() throws IOException {
    Map<String, Runs> r = runs;
    if (r == null) {
      synchronized (this) {
        r = runs;
        if (r == null) {
          r = scanRuns();
          runs = r;
        }
      }
    }
    return r;
  }

  private Map<String, Runs> scanRuns() throws IOException {
    Map<String, Runs> found = new HashMap<>();
    RowScanner scanner = new RowScanner(FILE_ID);
    byte[][] previous = {new byte[0]};
    Runs[] current = {null};
    try (FileChannel channel = FileChannel.open(assessments, StandardOpenOption.READ)) {
      long open =
          scanner.scan(
              channel,
              rowsFrom,
              (start, end, line, cells, s) -> {
                if (line == 1) {
                  return; // the header, checked when the bundle was opened
                }
                if (cells <= FILE_ID) {
                  throw error(
                      assessments,
                      line,
                      "file_id",
                      "is missing: the row has only " + cells + " cells");
                }
                byte[] id = s.cell(FILE_ID);
                int length = s.length(FILE_ID);
                Runs runs = current[0];
                if (runs == null
                    || !Arrays.equals(id, 0, length, previous[0], 0, previous[0].length)) {
                  String fileId = text(CsvFiles.decode(id, length, assessments));
                  if (!files.containsKey(fileId)) {
                    throw notListed(assessments, line, fileId);
                  }
                  runs = found.computeIfAbsent(fileId, k -> new Runs());
                  current[0] = runs;
                  previous[0] = Arrays.copyOf(id, length);
                }
                runs.add(start, end, line);
              });
      if (open != 0) {
        throw CsvFiles.malformed(assessments, open, "the file ends inside a quoted cell");
      }
    }
    return found;
  }

  private String text(String cell) {
    return neutralised ? CsvText.unneutralise(cell) : cell;
  }

  private void row(
      MediaFile file, String[] c, long line, Map<String, AssessmentAcc> acc, RowCursor rows)
      throws ExportException {
    Path path = assessments;
    if (!workflow.id().equals(c[0])) {
      throw error(
          path,
          line,
          "workflow_id",
          "is "
              + c[0]
              + " but earlier rows are of workflow "
              + workflow.id()
              + ": a bundle holds one workflow");
    }
    if (!file.id().equals(c[FILE_ID])) {
      // The scan and the parser disagree on where a row ends: never attribute it to another file.
      throw error(
          path,
          line,
          "file_id",
          "is "
              + c[FILE_ID]
              + " where the first pass over the file found a row of file "
              + file.id()
              + "; the file changed while it was read, or its quoting is ambiguous");
    }
    if (!file.externalId().equals(c[7])
        || !file.fileName().equals(c[8])
        || !file.dataSourceId().equals(c[4])
        || !Objects.equals(file.orderId(), emptyToNull(c[2]))) {
      throw error(
          path,
          line,
          "file_id",
          "file " + file.id() + " has another external id, name, data source or order than before");
    }
    sameName(dataSourceNames, c[4], c[5], path, line, "data_source_name");
    if (!c[2].isEmpty()) {
      sameName(orderNames, c[2], c[3], path, line, "order_name");
    }
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
      at = rows.instant(c[13]);
    } catch (DateTimeParseException e) {
      throw error(
          path,
          line,
          "assessed_at",
          "'" + c[13] + "' is not an ISO-8601 UTC time such as 2025-11-19T08:00:00Z");
    }
    AssessmentAcc a = acc.get(c[9]);
    if (a == null) {
      a = new AssessmentAcc(c[9], kind, emptyToNull(c[11]), emptyToNull(c[12]), at);
      acc.put(c[9], a);
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
    if (attribute.equals(CsvLayouts.LOCATION_ATTRIBUTE)) {
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
    AttributeType type = types.getOrDefault(name, AttributeType.TEXT);
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

  /** A row of a file that files.csv, when there is one, does not list. */
  private static ExportException notListed(Path path, long line, String fileId) {
    return error(
        path,
        line,
        "file_id",
        "file "
            + fileId
            + " is not in "
            + FILES
            + ": list every file there, or leave "
            + FILES
            + " out");
  }

  private static void sameName(
      Map<String, String> names, String id, String name, Path path, long line, String column)
      throws ExportException {
    String known = names.get(id);
    if (!name.equals(known)) {
      throw error(
          path,
          line,
          column,
          "'" + name + "' differs from '" + known + "' given earlier for id " + id);
    }
  }

  /**
   * Whether text is a decimal number: what the exporter writes, and the exponent a spreadsheet may
   * add; {@code -?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?}, checked without a regular expression since
   * every value and confidence passes here.
   */
  static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!(isDigit(c) || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Value value(AttributeType type, String cell) {
    if (cell.isEmpty() && type != AttributeType.TEXT) {
      return Value.unanswered(type);
    }
    return switch (type) {
      case TEXT -> Value.text(cell);
      case NUMBER -> {
        if (!isDecimal(cell)) {
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
      case CHOICES -> Value.choices(JsonArrays.parseStringArray(cell));
    };
  }

  private static Polygon polygon(String cell, Path path, long line) throws ExportException {
    try {
      if (cell.startsWith("[")) {
        return Polygon.of(JsonArrays.parsePointArray(cell));
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
    if (!isDecimal(cell)) {
      throw error(path, line, "confidence", "'" + cell + "' is not a decimal number such as 0.9");
    }
    double d = Double.parseDouble(cell);
    if (!(d >= 0 && d <= 1)) {
      throw error(path, line, "confidence", cell + " is outside [0, 1]");
    }
    return d;
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /**
   * Reads what opening needs: attributes.csv, files.csv, and the rows' pass when one is missing.
   */
  private static final class Builder {
    final Path dir;
    final Path assessments;
    final boolean neutralised;
    long rowsFrom;
    final Map<String, FileAcc> files = new LinkedHashMap<>();
    final Map<String, String> dataSourceNames = new LinkedHashMap<>();
    final Map<String, String> orderNames = new LinkedHashMap<>();
    final Map<String, String> paths = new HashMap<>();
    @Nullable String workflowId;
    @Nullable String workflowName;

    Builder(Path dir, boolean neutralised) {
      this.dir = dir;
      this.assessments = dir.resolve(ASSESSMENTS);
      this.neutralised = neutralised;
    }

    BundleIndex build() throws IOException {
      if (!Files.isRegularFile(assessments)) {
        throw new ExportException(
            "not a bundle: "
                + dir
                + " has no "
                + ASSESSMENTS
                + " (export the long layout, ATTRIBUTE_VALUES, into it)");
      }
      Path media = dir.resolve(MEDIA);
      if (Files.exists(media) && !media.toRealPath().startsWith(dir.toRealPath())) {
        throw new ExportException(
            MEDIA
                + " in "
                + dir
                + " is a link that leads outside the bundle, to "
                + media.toRealPath()
                + "; copy the files into the bundle instead");
      }
      List<AttributeDefinition> definitions = readAttributes();
      boolean listed = readFiles();
      rowsFrom = CsvFiles.hasBom(assessments) ? 3 : 0;
      Map<String, Runs> runs = null;
      List<String> seen = new ArrayList<>();
      if (listed && definitions != null) {
        readFirstRow();
      } else {
        runs = scanAll(!listed, definitions == null ? seen : null);
      }
      if (workflowId == null) {
        throw new ExportException(
            ASSESSMENTS + " in " + dir + " has no data rows, so the bundle names no workflow");
      }
      Workflow workflow =
          new Workflow(
              workflowId,
              Objects.requireNonNull(workflowName, "set with the workflow id"),
              definitions != null
                  ? definitions
                  : seen.stream()
                      .map(name -> new AttributeDefinition(name, AttributeType.TEXT))
                      .toList());
      BundleIndex index = new BundleIndex(this, workflow, runs);
      for (Entry e : index.files.values()) {
        index.mediaPath(e); // refuses a path that is not one, or leads outside, now
      }
      return index;
    }

    private @Nullable List<AttributeDefinition> readAttributes() throws IOException {
      Path path = dir.resolve(ATTRIBUTES);
      if (!present(path)) {
        return null;
      }
      List<AttributeDefinition> out = new ArrayList<>();
      try (CSVParser parser = CsvFiles.parse(path)) {
        Iterator<CSVRecord> it = parser.iterator();
        CsvFiles.requireHeader(
            CsvFiles.next(it, path, parser), List.of("name", "type"), path, false);
        while (true) {
          // The row's first line: the iterator parses a row ahead when asked whether there is one.
          long line = parser.getCurrentLineNumber() + 1;
          if (!CsvFiles.hasNext(it, path, line)) {
            break;
          }
          CSVRecord r = it.next();
          String name = cell(r, 0, "name", path, line);
          String type = cell(r, 1, "type", path, line);
          AttributeType t;
          try {
            t = AttributeType.valueOf(type.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw error(
                path, line, "type", "'" + type + "' is not text, number, boolean or choices");
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

    private boolean present(Path path) throws ExportException {
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        throw new ExportException(
            path.getFileName()
                + " in "
                + dir
                + " is not a regular file; remove it or put the file there");
      }
      return Files.isRegularFile(path);
    }

    private boolean readFiles() throws IOException {
      Path path = dir.resolve(FILES);
      if (!present(path)) {
        return false;
      }
      try (CSVParser parser = CsvFiles.parse(path)) {
        Iterator<CSVRecord> it = parser.iterator();
        List<String> header =
            CsvFiles.requireHeader(CsvFiles.next(it, path, parser), FILE_COLUMNS, path, true);
        int pathColumn = header.indexOf("path");
        int sizeColumn = header.indexOf("size");
        int shaColumn = header.indexOf("sha256");
        while (true) {
          long line = parser.getCurrentLineNumber() + 1;
          if (!CsvFiles.hasNext(it, path, line)) {
            break;
          }
          CSVRecord r = it.next();
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
          if (sizeColumn >= 0) {
            String size = cell(r, sizeColumn, "size", path, line);
            try {
              f.size = size.isEmpty() ? null : Long.valueOf(size);
            } catch (NumberFormatException e) {
              throw error(path, line, "size", "'" + size + "' is not a number of bytes");
            }
            if (f.size != null && f.size < 0) {
              throw error(path, line, "size", size + " is negative");
            }
          }
          if (shaColumn >= 0) {
            String sha = cell(r, shaColumn, "sha256", path, line);
            f.sha256 = sha.isEmpty() ? null : sha.toLowerCase(Locale.ROOT);
            if (f.sha256 != null && !isHex64(f.sha256)) {
              throw error(path, line, "sha256", "'" + sha + "' is not 64 hex digits");
            }
          }
        }
      }
      return true;
    }

    /** Reads the header and the workflow of the first row. */
    private void readFirstRow() throws IOException {
      try (CSVParser parser = CsvFiles.parse(assessments)) {
        Iterator<CSVRecord> it = parser.iterator();
        CsvFiles.requireHeader(CsvFiles.next(it, assessments, parser), COLUMNS, assessments, false);
        if (CsvFiles.hasNext(it, assessments, 2)) {
          CSVRecord r = it.next();
          workflow(
              text(cell(r, 0, "workflow_id", assessments, 2)), r.size() > 1 ? r.get(1) : "", 2);
        }
      }
    }

    private String text(String cell) {
      return neutralised ? CsvText.unneutralise(cell) : cell;
    }

    private void workflow(String id, String name, long line) throws ExportException {
      if (id.isEmpty()) {
        throw error(assessments, line, "workflow_id", "is empty");
      }
      workflowId = id;
      workflowName = text(name);
    }

    /**
     * One pass over the rows' bytes: where each file's rows are, and, when the bundle has no
     * files.csv or no attributes.csv, the files and the attribute names the rows give.
     */
    private Map<String, Runs> scanAll(boolean indexFiles, @Nullable List<String> seenAttributes)
        throws IOException {
      Map<String, Runs> found = new HashMap<>();
      RowScanner scanner =
          new RowScanner(0, 1, 2, 3, 4, 5, FILE_ID, 7, 8, 9, 10, 11, 12, 13, 14, 15, ATTRIBUTE);
      Set<String> attributes = new LinkedHashSet<>();
      byte[][] previous = {new byte[0]};
      Runs[] current = {null};
      try (FileChannel channel = FileChannel.open(assessments, StandardOpenOption.READ)) {
        long open =
            scanner.scan(
                channel,
                rowsFrom,
                (start, end, line, cells, s) -> {
                  if (line == 1) {
                    List<String> header = new ArrayList<>();
                    for (int i = 0; i < Math.min(cells, COLUMNS.size()); i++) {
                      header.add(s.has(i, cells) ? decode(s, i) : COLUMNS.get(i));
                    }
                    if (cells != COLUMNS.size()) {
                      header.add("…");
                    }
                    CsvFiles.requireHeader(header, COLUMNS, assessments, false);
                    return;
                  }
                  if (cells < COLUMNS.size()) {
                    throw error(
                        assessments,
                        line,
                        COLUMNS.get(cells),
                        "is missing: the row has only " + cells + " cells");
                  }
                  byte[] id = s.cell(FILE_ID);
                  int length = s.length(FILE_ID);
                  Runs runs = current[0];
                  if (runs == null
                      || !Arrays.equals(id, 0, length, previous[0], 0, previous[0].length)) {
                    String[] c = new String[ATTRIBUTE];
                    for (int i = 0; i < FILE_ID + 3; i++) {
                      c[i] = text(decode(s, i));
                    }
                    rowOfFile(c, line, indexFiles);
                    runs = found.computeIfAbsent(c[FILE_ID], k -> new Runs());
                    current[0] = runs;
                    previous[0] = Arrays.copyOf(id, length);
                  }
                  runs.add(start, end, line);
                  if (seenAttributes != null && s.length(ATTRIBUTE) > 0) {
                    String attribute = text(decode(s, ATTRIBUTE));
                    if (!attribute.equals(CsvLayouts.LOCATION_ATTRIBUTE)) {
                      attributes.add(attribute);
                    }
                  }
                });
        if (open != 0) {
          throw CsvFiles.malformed(assessments, open, "the file ends inside a quoted cell");
        }
      }
      if (seenAttributes != null) {
        seenAttributes.addAll(attributes);
      }
      return found;
    }

    private String decode(RowScanner s, int i) throws ExportException {
      return CsvFiles.decode(s.cell(i), s.length(i), assessments);
    }

    /** The first row of a file's rows: the workflow, and the file when files.csv is missing. */
    private void rowOfFile(String[] c, long line, boolean indexFiles) throws ExportException {
      if (workflowId == null) {
        workflow(c[0], c[1], line);
      }
      if (c[4].isEmpty()) {
        throw error(
            assessments, line, "data_source_id", "is empty: every file comes from a data source");
      }
      if (!indexFiles) {
        if (!files.containsKey(c[FILE_ID])) {
          throw notListed(assessments, line, c[FILE_ID]);
        }
        return;
      }
      name(dataSourceNames, c[4], c[5], assessments, line, "data_source_name");
      if (!c[2].isEmpty()) {
        name(orderNames, c[2], c[3], assessments, line, "order_name");
      }
      file(c[6], c[7], c[8], c[4], c[2], assessments, line, "file_id");
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
  }

  private static final class FileAcc {
    final String id;
    final String externalId;
    final String fileName;
    final String dataSourceId;
    final @Nullable String orderId;
    @Nullable String mediaType;
    @Nullable Long size;
    @Nullable String sha256;

    /** Where the file was first described, for errors about its media. */
    String where = "";

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
