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

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file of a workflow, usually an image, as it arrived from a data source.
 *
 * <p>The last three components are what the host's storage already knows about the content, so that
 * reading it needs no second look-up: {@link MediaRepository#open(MediaFile)} gets the file back
 * with its {@code storageKey} untouched. A known {@code size} is checked against the bytes read (a
 * file whose content is shorter or longer is skipped with the reason); a known {@code sha256} is
 * written to the archive manifest as given, without hashing the content again (it is trusted, not
 * verified).
 *
 * @param id the file's id, never empty
 * @param workflowId the id of the workflow the file belongs to
 * @param externalId the id the customer knows the file by (may be empty)
 * @param fileName the original file name (may be empty)
 * @param mediaType the media type, such as {@code image/jpeg}, or null when unknown
 * @param dataSourceId the id of the data source the file came from
 * @param orderId the id of the workflow order the file came in through, or null
 * @param storageKey where the host keeps the content (a path, an object key, a row id), opaque to
 *     the library, or null
 * @param size the content's length in bytes when the storage knows it, or null
 * @param sha256 the content's SHA-256 as 64 hex digits when the storage knows it, or null
 * @since 0.2
 */
public record MediaFile(
    String id,
    String workflowId,
    String externalId,
    String fileName,
    @Nullable String mediaType,
    String dataSourceId,
    @Nullable String orderId,
    @Nullable String storageKey,
    @Nullable Long size,
    @Nullable String sha256) {
  /**
   * Creates the media file, checking and copying its components.
   *
   * @param id the file's id, never empty
   * @param workflowId the id of the workflow the file belongs to
   * @param externalId the id the customer knows the file by (may be empty)
   * @param fileName the original file name (may be empty)
   * @param mediaType the media type, such as {@code image/jpeg}, or null when unknown
   * @param dataSourceId the id of the data source the file came from
   * @param orderId the id of the workflow order the file came in through, or null
   * @param storageKey where the host keeps the content, or null
   * @param size the content's length in bytes, or null when unknown
   * @param sha256 the content's SHA-256 as 64 hex digits, or null when unknown
   * @throws IllegalArgumentException if an id is empty, the size negative or the SHA-256 not 64 hex
   *     digits
   * @since 0.2
   */
  public MediaFile {
    Checks.id(id, "file id");
    Checks.id(workflowId, "workflow id");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(fileName, "fileName");
    mediaType = Checks.optionalText(mediaType);
    Checks.id(dataSourceId, "data source id");
    orderId = Checks.optionalText(orderId);
    if (size != null && size < 0) {
      throw new IllegalArgumentException(
          "size of file " + id + " is " + size + ": pass the content's length, or null if unknown");
    }
    if (sha256 != null) {
      sha256 = sha256.toLowerCase(Locale.ROOT);
      if (!isSha256(sha256)) {
        throw new IllegalArgumentException(
            "sha256 of file "
                + id
                + " is not 64 hex digits: '"
                + sha256
                + "'; pass the digest in hex, or null if unknown");
      }
    }
  }

  /**
   * Creates a media file of which the storage knows nothing beyond the metadata.
   *
   * @param id the file's id, never empty
   * @param workflowId the id of the workflow the file belongs to
   * @param externalId the id the customer knows the file by (may be empty)
   * @param fileName the original file name (may be empty)
   * @param mediaType the media type, or null when unknown
   * @param dataSourceId the id of the data source the file came from
   * @param orderId the id of the workflow order the file came in through, or null
   * @throws IllegalArgumentException if an id is empty
   * @since 0.2
   */
  public MediaFile(
      String id,
      String workflowId,
      String externalId,
      String fileName,
      @Nullable String mediaType,
      String dataSourceId,
      @Nullable String orderId) {
    this(id, workflowId, externalId, fileName, mediaType, dataSourceId, orderId, null, null, null);
  }

  /**
   * Returns this file with what the storage knows about its content.
   *
   * @param storageKey where the host keeps the content, or null
   * @param size the content's length in bytes, or null when unknown
   * @param sha256 the content's SHA-256 in hex, or null when unknown
   * @return the file
   * @since 0.2
   */
  public MediaFile withStorage(
      @Nullable String storageKey, @Nullable Long size, @Nullable String sha256) {
    return new MediaFile(
        id,
        workflowId,
        externalId,
        fileName,
        mediaType,
        dataSourceId,
        orderId,
        storageKey,
        size,
        sha256);
  }

  /** Whether text is 64 lowercase hex digits; by hand, as every listed file passes here. */
  private static boolean isSha256(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
