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
package dev.assessment.export.imaging;

import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.layout.FieldOptions;
import dev.assessment.export.core.layout.Fields;

/**
 * The options and limits of the archive layouts ({@link ArchiveLayouts#FILES} and {@link
 * ArchiveLayouts#ANNOTATED_FILES}), in one place with documented defaults. Immutable; built by
 * {@link #builder()}; a request without them uses {@link #defaults()}.
 *
 * <pre>{@code
 * ExportRequest request = ExportRequest.builder("wf-1")
 *     .layout(ArchiveLayouts.ANNOTATED_FILES).orderId("o-1")
 *     .option(ArchiveOptions.builder().maxLongEdge(2048).jpegQuality(0.85f).build())
 *     .build();
 * }</pre>
 *
 * @since 0.2
 */
public final class ArchiveOptions extends FieldOptions<ArchiveOptions> {
  private static final Fields<ArchiveOptions> FIELDS =
      Fields.of(ArchiveOptions.class)
          .output("manifest", o -> o.manifest)
          .output("maxEntryNameBytes", o -> o.maxEntryNameBytes)
          .tuning("readAhead", o -> o.readAhead)
          .output("jpegQuality", o -> o.jpegQuality)
          .output("maxPixels", o -> o.maxPixels)
          .output("maxLongEdge", o -> o.maxLongEdge)
          .tuning("threads", o -> o.threads)
          .output("fill", o -> o.fill)
          .output("labels", o -> o.labels)
          .output("legend", o -> o.legend)
          .build();

  /**
   * The default limit of an entry name's length: {@value} bytes of UTF-8.
   *
   * @since 0.2
   */
  public static final int DEFAULT_MAX_ENTRY_NAME_BYTES = 200;

  /**
   * The default number of files read ahead of the one being written: {@value}.
   *
   * @since 0.2
   */
  public static final int DEFAULT_READ_AHEAD = 4;

  /**
   * The default JPEG quality of annotated images: {@value}.
   *
   * @since 0.2
   */
  public static final float DEFAULT_JPEG_QUALITY = 0.9f;

  /**
   * The default limit of an image's declared pixels: {@value} (100 megapixels).
   *
   * @since 0.2
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  private static final ArchiveOptions DEFAULTS = builder().build();

  private final boolean manifest;
  private final int maxEntryNameBytes;
  private final int readAhead;
  private final float jpegQuality;
  private final long maxPixels;
  private final int maxLongEdge;
  private final int threads;
  private final boolean fill;
  private final boolean labels;
  private final boolean legend;

  private ArchiveOptions(Builder b) {
    this.manifest = b.manifest;
    this.maxEntryNameBytes = b.maxEntryNameBytes;
    this.readAhead = b.readAhead;
    this.jpegQuality = b.jpegQuality;
    this.maxPixels = b.maxPixels;
    this.maxLongEdge = b.maxLongEdge;
    this.threads = b.threads;
    this.fill = b.fill;
    this.labels = b.labels;
    this.legend = b.legend;
  }

  /**
   * Returns the archive options of a request, or the defaults when it carries none.
   *
   * @param request the request
   * @return the options
   * @since 0.2
   */
  public static ArchiveOptions of(ExportRequest request) {
    return request.option(ArchiveOptions.class).orElse(DEFAULTS);
  }

  /**
   * Returns the defaults.
   *
   * @return the default options
   * @since 0.2
   */
  public static ArchiveOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a new builder
   * @since 0.2
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.manifest = manifest;
    b.maxEntryNameBytes = maxEntryNameBytes;
    b.readAhead = readAhead;
    b.jpegQuality = jpegQuality;
    b.maxPixels = maxPixels;
    b.maxLongEdge = maxLongEdge;
    b.threads = threads;
    b.fill = fill;
    b.labels = labels;
    b.legend = legend;
    return b;
  }

  /**
   * Tells whether the archive ends with a {@code manifest.csv} entry (default true).
   *
   * @return true to write the manifest
   * @since 0.2
   */
  public boolean manifest() {
    return manifest;
  }

  /**
   * Returns the longest an entry name may be, in bytes of UTF-8 (default {@value
   * #DEFAULT_MAX_ENTRY_NAME_BYTES}); longer names are cut on a character boundary.
   *
   * @return the limit
   * @since 0.2
   */
  public int maxEntryNameBytes() {
    return maxEntryNameBytes;
  }

  /**
   * Returns how many files are read from the media repository ahead of the one being written
   * (default {@value #DEFAULT_READ_AHEAD}); bounds the memory and temporary disk in use.
   *
   * @return the number of files
   * @since 0.2
   */
  public int readAhead() {
    return readAhead;
  }

  /**
   * Returns the quality of JPEG images the annotated layout encodes (default {@value
   * #DEFAULT_JPEG_QUALITY}).
   *
   * @return a quality within (0, 1]
   * @since 0.2
   */
  public float jpegQuality() {
    return jpegQuality;
  }

  /**
   * Returns the most pixels an image may declare before it is decoded (default {@value
   * #DEFAULT_MAX_PIXELS}); a larger image is skipped as a possible decompression bomb.
   *
   * @return the limit
   * @since 0.2
   */
  public long maxPixels() {
    return maxPixels;
  }

  /**
   * Returns the longest edge of annotated images, in pixels, or 0 to keep their size (the default).
   * Larger images are subsampled while they are decoded, and their polygons scaled.
   *
   * @return the limit, or 0
   * @since 0.2
   */
  public int maxLongEdge() {
    return maxLongEdge;
  }

  /**
   * Returns how many threads render annotated images (default: the available processors).
   *
   * @return the number of threads, at least 1
   * @since 0.2
   */
  public int threads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Tells whether annotated polygons are filled with a translucent colour (default false).
   *
   * @return true to fill
   * @since 0.2
   */
  public boolean fill() {
    return fill;
  }

  /**
   * Tells whether each annotated polygon gets a label with its name and confidence (default true).
   *
   * @return true to draw labels
   * @since 0.2
   */
  public boolean labels() {
    return labels;
  }

  /**
   * Tells whether annotated images get a legend naming the assessment drawn (default true).
   *
   * @return true to draw the legend
   * @since 0.2
   */
  public boolean legend() {
    return legend;
  }

  @Override
  protected Fields<ArchiveOptions> fields() {
    return FIELDS;
  }

  /**
   * Builds {@link ArchiveOptions}; each setter checks its value.
   *
   * @since 0.2
   */
  public static final class Builder {
    private boolean manifest = true;
    private int maxEntryNameBytes = DEFAULT_MAX_ENTRY_NAME_BYTES;
    private int readAhead = DEFAULT_READ_AHEAD;
    private float jpegQuality = DEFAULT_JPEG_QUALITY;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private int maxLongEdge;
    private int threads;
    private boolean fill;
    private boolean labels = true;
    private boolean legend = true;

    private Builder() {}

    /**
     * Ends the archive with a {@code manifest.csv} entry, or not.
     *
     * @param manifest false to leave the manifest out
     * @return this builder
     * @since 0.2
     */
    public Builder manifest(boolean manifest) {
      this.manifest = manifest;
      return this;
    }

    /**
     * Limits entry names to a number of UTF-8 bytes.
     *
     * @param maxEntryNameBytes at least 64, at most 65,535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @since 0.2
     */
    public Builder maxEntryNameBytes(int maxEntryNameBytes) {
      if (maxEntryNameBytes < 64 || maxEntryNameBytes > 65_535) {
        throw new IllegalArgumentException(
            "maxEntryNameBytes must be within [64, 65535], was " + maxEntryNameBytes);
      }
      this.maxEntryNameBytes = maxEntryNameBytes;
      return this;
    }

    /**
     * Sets how many files are read ahead of the one being written.
     *
     * @param readAhead at least 1, at most 64
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @since 0.2
     */
    public Builder readAhead(int readAhead) {
      if (readAhead < 1 || readAhead > 64) {
        throw new IllegalArgumentException("readAhead must be within [1, 64], was " + readAhead);
      }
      this.readAhead = readAhead;
      return this;
    }

    /**
     * Sets the JPEG quality of annotated images.
     *
     * @param jpegQuality within (0, 1]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @since 0.2
     */
    public Builder jpegQuality(float jpegQuality) {
      if (!(jpegQuality > 0 && jpegQuality <= 1)) {
        throw new IllegalArgumentException("jpegQuality must be within (0, 1], was " + jpegQuality);
      }
      this.jpegQuality = jpegQuality;
      return this;
    }

    /**
     * Sets the most pixels an image may declare.
     *
     * @param maxPixels at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     * @since 0.2
     */
    public Builder maxPixels(long maxPixels) {
      if (maxPixels < 1) {
        throw new IllegalArgumentException("maxPixels must be at least 1, was " + maxPixels);
      }
      this.maxPixels = maxPixels;
      return this;
    }

    /**
     * Sets the longest edge of annotated images.
     *
     * @param maxLongEdge pixels, at least 16, or 0 to keep the size
     * @return this builder
     * @throws IllegalArgumentException if negative or between 1 and 15
     * @since 0.2
     */
    public Builder maxLongEdge(int maxLongEdge) {
      if (maxLongEdge != 0 && maxLongEdge < 16) {
        throw new IllegalArgumentException(
            "maxLongEdge must be 0 (keep the size) or at least 16, was " + maxLongEdge);
      }
      this.maxLongEdge = maxLongEdge;
      return this;
    }

    /**
     * Sets how many threads render annotated images.
     *
     * @param threads at least 1, or 0 for the available processors
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @since 0.2
     */
    public Builder threads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("threads must be at least 0, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Fills annotated polygons with a translucent colour, or not.
     *
     * @param fill true to fill
     * @return this builder
     * @since 0.2
     */
    public Builder fill(boolean fill) {
      this.fill = fill;
      return this;
    }

    /**
     * Draws a label with each polygon's name and confidence, or not.
     *
     * @param labels false to draw outlines only
     * @return this builder
     * @since 0.2
     */
    public Builder labels(boolean labels) {
      this.labels = labels;
      return this;
    }

    /**
     * Draws the legend naming the assessment drawn, or not.
     *
     * @param legend false to leave the legend out
     * @return this builder
     * @since 0.2
     */
    public Builder legend(boolean legend) {
      this.legend = legend;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @since 0.2
     */
    public ArchiveOptions build() {
      return new ArchiveOptions(this);
    }
  }
}
