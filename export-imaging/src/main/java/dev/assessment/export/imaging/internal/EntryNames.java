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
package dev.assessment.export.imaging.internal;

import dev.assessment.export.spi.MediaFile;
import dev.assessment.export.spi.Workflow;
import dev.assessment.export.spi.WorkflowOrder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names the entries of the archive layouts {@code <external-id>_<name>_<count>.<suffix>}, safe on
 * every OS and every unzip, unique and deterministic. Files must be named in the archive's order:
 * {@code count} numbers, from 1, the files whose name base is the same.
 *
 * <ul>
 *   <li>{@code name} is the workflow order's name when the file came in through an order, else the
 *       workflow's name.
 *   <li>Each part is normalised to Unicode NFC; control and format characters, line separators, and
 *       {@code / \ : * ? " < > |} become {@code _}; a run of dots becomes {@code _} after its first
 *       dot, so no name holds {@code ..}; a leading dot or space becomes {@code _}.
 *   <li>A base whose part before the first dot is a name Windows reserves ({@code CON}, {@code
 *       PRN}, {@code AUX}, {@code NUL}, {@code COM0}–{@code COM9}, {@code LPT0}–{@code LPT9}) gets
 *       a leading {@code _}.
 *   <li>The base is cut on a character boundary so that the whole name fits the byte limit.
 *   <li>{@code count} is kept per base compared without case, so that two names never differ by
 *       case alone (they would collide on Windows and macOS).
 *   <li>{@code suffix} is the original file name's extension in lower case (ASCII letters and
 *       digits, at most 10), else the media type's usual one, else {@code bin}.
 * </ul>
 *
 * <p>Uniqueness: the count is the digits after the last {@code _} and the suffix has neither {@code
 * _} nor {@code .}, so a name determines its base and count; equal bases get distinct counts.
 * Memory: one entry per distinct base.
 */
public final class EntryNames {
  private static final Set<String> RESERVED = reserved();
  private static final Map<String, String> SUFFIXES =
      Map.ofEntries(
          Map.entry("image/jpeg", "jpg"), Map.entry("image/jpg", "jpg"),
          Map.entry("image/png", "png"), Map.entry("image/gif", "gif"),
          Map.entry("image/webp", "webp"), Map.entry("image/tiff", "tif"),
          Map.entry("image/bmp", "bmp"), Map.entry("image/heic", "heic"),
          Map.entry("image/heif", "heif"), Map.entry("image/avif", "avif"),
          Map.entry("image/svg+xml", "svg"), Map.entry("application/pdf", "pdf"),
          Map.entry("application/zip", "zip"), Map.entry("application/json", "json"),
          Map.entry("text/plain", "txt"), Map.entry("text/csv", "csv"),
          Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"),
          Map.entry("video/webm", "webm"), Map.entry("audio/mpeg", "mp3"));

  private final Workflow workflow;
  private final Map<String, WorkflowOrder> orders;
  private final int maxBytes;
  private final Map<String, Integer> counts = new HashMap<>();

  /**
   * Creates a namer for one archive.
   *
   * @param workflow the workflow
   * @param orders the workflow's orders by id
   * @param maxBytes the longest a name may be, in UTF-8 bytes
   */
  public EntryNames(Workflow workflow, Map<String, WorkflowOrder> orders, int maxBytes) {
    this.workflow = workflow;
    this.orders = orders;
    this.maxBytes = maxBytes;
  }

  /**
   * Names the next file of the archive.
   *
   * @param file the file
   * @return its entry name
   */
  public String next(MediaFile file) {
    return next(file, null);
  }

  /**
   * Names the next file of the archive, taking the suffix from the content's first bytes when
   * neither the file name nor the media type gives one, so that a file is named alike in every
   * archive whatever is drawn on it.
   *
   * @param file the file
   * @param head the content's first bytes, or null when the content could not be read
   * @return its entry name
   */
  public String next(MediaFile file, byte @Nullable [] head) {
    String suffix = suffix(file, head);
    String base = cutBase(file, suffix);
    int count = counts.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
    return base + "_" + count + "." + suffix;
  }

  /**
   * Returns the key a file is counted under: its cut base, compared without case.
   *
   * @param file the file
   * @return the key
   */
  public String key(MediaFile file) {
    return cutBase(file, suffix(file)).toLowerCase(Locale.ROOT);
  }

  /**
   * Counts a file that comes earlier in the archive than the files to name, if its key is one of
   * {@code keys}; files under other keys cannot change the names to come, so they are not kept.
   *
   * @param file an earlier file
   * @param keys the keys of the files to name
   */
  public void countEarlier(MediaFile file, java.util.Set<String> keys) {
    String key = key(file);
    if (keys.contains(key)) {
      counts.merge(key, 1, Integer::sum);
    }
  }

  private String cutBase(MediaFile file, String suffix) {
    // Room for "_" + count (at most 10 digits) + "." + suffix, and a "_" before a reserved name.
    int room = maxBytes - (1 + 10 + 1 + suffix.length()) - 1;
    String base = base(file);
    if (base.getBytes(StandardCharsets.UTF_8).length <= room) {
      return base;
    }
    // Cut the external id only, so that "_<name>_<count>.<suffix>" survives; the name is cut too
    // only when it alone leaves no room.
    String tail = "_" + sanitise(nameOf(file));
    int tailBytes = tail.getBytes(StandardCharsets.UTF_8).length;
    if (tailBytes < room) {
      return compose(cut(sanitise(file.externalId()), room - tailBytes) + tail);
    }
    return guardReserved(cut(base, room));
  }

  /** The name a file's entry carries after its external id: its order's, else the workflow's. */
  private String nameOf(MediaFile file) {
    if (file.orderId() != null) {
      WorkflowOrder order = orders.get(file.orderId());
      if (order != null) {
        return order.name();
      }
    }
    return workflow.name();
  }

  /** Guards a sanitised base: no leading dot or space, no name Windows reserves. */
  private static String compose(String base) {
    if (base.startsWith(".") || base.startsWith(" ")) {
      base = "_" + base.substring(1);
    }
    return guardReserved(base);
  }

  /**
   * Returns the name base of a file, {@code <external-id>_<name>}, sanitised but not cut.
   *
   * @param file the file
   * @return the base
   */
  public String base(MediaFile file) {
    return compose(sanitise(file.externalId()) + "_" + sanitise(nameOf(file)));
  }

  private static String guardReserved(String base) {
    int dot = base.indexOf('.');
    String stem = (dot < 0 ? base : base.substring(0, dot)).toUpperCase(Locale.ROOT).strip();
    return RESERVED.contains(stem) ? "_" + base : base;
  }

  /**
   * Returns a file's suffix: its name's extension in lower case, else its media type's.
   *
   * @param file the file
   * @return the suffix, without the dot
   */
  public static String suffix(MediaFile file) {
    return suffix(file, null);
  }

  /**
   * Returns the suffix of an entry name: what follows its last dot.
   *
   * @param entryName the name
   * @return the suffix, without the dot
   */
  public static String suffixOf(String entryName) {
    return entryName.substring(entryName.lastIndexOf('.') + 1);
  }

  /**
   * Returns a file's suffix: its name's extension in lower case, else its media type's, else the
   * one its content's first bytes say (JPEG, PNG, GIF, WebP, TIFF, PDF, ZIP), else {@code bin}.
   *
   * @param file the file
   * @param head the content's first bytes, or null
   * @return the suffix, without the dot
   */
  public static String suffix(MediaFile file, byte @Nullable [] head) {
    String name = file.fileName();
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && dot < name.length() - 1) {
      String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (ext.length() <= 10
          && ext.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return ext.equals("jpeg") ? "jpg" : ext;
      }
    }
    String type = file.mediaType();
    if (type != null) {
      int semicolon = type.indexOf(';');
      String bare =
          (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
      String mapped = SUFFIXES.get(bare);
      if (mapped != null) {
        return mapped;
      }
    }
    return head == null ? "bin" : sniff(head);
  }

  /** The suffix a content's magic bytes say, or {@code bin}. */
  private static String sniff(byte[] h) {
    if (starts(h, 0xFF, 0xD8, 0xFF)) {
      return "jpg";
    }
    if (starts(h, 0x89, 'P', 'N', 'G')) {
      return "png";
    }
    if (starts(h, 'G', 'I', 'F', '8')) {
      return "gif";
    }
    if (starts(h, 'R', 'I', 'F', 'F')
        && h.length >= 12
        && h[8] == 'W'
        && h[9] == 'E'
        && h[10] == 'B'
        && h[11] == 'P') {
      return "webp";
    }
    if (starts(h, 'I', 'I', 42, 0) || starts(h, 'M', 'M', 0, 42)) {
      return "tif";
    }
    if (starts(h, '%', 'P', 'D', 'F')) {
      return "pdf";
    }
    if (starts(h, 'P', 'K', 3, 4)) {
      return "zip";
    }
    return "bin";
  }

  private static boolean starts(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes one part of a name safe: see the class documentation.
   *
   * @param part an external id or a name
   * @return the safe part
   */
  static String sanitise(String part) {
    String s = Normalizer.normalize(part, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(s.length());
    boolean previousDot = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean unsafe =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.SURROGATE
              || type == Character.PRIVATE_USE
              || type == Character.UNASSIGNED
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || "/\\:*?\"<>|".indexOf(cp) >= 0;
      if (cp == '.') {
        sb.append(previousDot ? '_' : '.');
        previousDot = true;
        continue;
      }
      previousDot = false;
      if (unsafe) {
        sb.append('_');
      } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        sb.append(' ');
      } else {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  /** Cuts text to at most {@code maxBytes} UTF-8 bytes on a code point boundary. */
  static String cut(String s, int maxBytes) {
    if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > maxBytes) {
        break;
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  private static Set<String> reserved() {
    java.util.Set<String> s =
        new java.util.HashSet<>(java.util.List.of("CON", "PRN", "AUX", "NUL"));
    for (int i = 0; i <= 9; i++) {
      s.add("COM" + i);
      s.add("LPT" + i);
    }
    return Set.copyOf(s);
  }
}
