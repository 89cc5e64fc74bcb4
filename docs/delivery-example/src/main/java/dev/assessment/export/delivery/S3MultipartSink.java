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
package dev.assessment.export.delivery;

import dev.assessment.export.core.ExportSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An {@link ExportSink} that streams an export into an object of S3-compatible storage with a
 * multipart upload. Memory holds one part ({@link #DEFAULT_PART_SIZE} by default), whatever the
 * size of the export. The object exists only once the export commits: a failed or cancelled export
 * aborts the upload, which leaves neither parts nor an object. An export smaller than one part is
 * stored with a single {@code PutObject}.
 */
public final class S3MultipartSink implements ExportSink {
  /** The default part size: 8 MiB. */
  public static final int DEFAULT_PART_SIZE = 8 << 20;

  /** The smallest part S3 accepts, except the last: 5 MiB. */
  public static final int MIN_PART_SIZE = 5 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(S3MultipartSink.class);

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final String contentType;
  private final int partSize;

  /**
   * Creates the sink of one object.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param key the object's key
   * @param contentType the object's content type, e.g. {@code application/zip}
   * @param partSize the part size, at least {@link #MIN_PART_SIZE}
   * @throws IllegalArgumentException if the part size is too small
   */
  public S3MultipartSink(S3Client s3, String bucket, String key, String contentType, int partSize) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.key = Objects.requireNonNull(key, "key");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "partSize must be at least "
              + MIN_PART_SIZE
              + " bytes (S3's smallest part), was "
              + partSize);
    }
    this.partSize = partSize;
  }

  @Override
  public Target open() {
    return new Upload();
  }

  /** One export's upload: the stream that fills parts, and its commit and abort. */
  private final class Upload extends OutputStream implements Target {
    private final byte[] part = new byte[partSize];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private String uploadId;

    @Override
    public OutputStream stream() {
      return this;
    }

    @Override
    public void write(int b) throws IOException {
      if (filled == part.length) {
        uploadPart();
      }
      part[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      while (len > 0) {
        if (filled == part.length) {
          uploadPart();
        }
        int n = Math.min(len, part.length - filled);
        System.arraycopy(b, off, part, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    // delivery.md:sink:start
    /** Uploads the buffered part; starts the multipart upload at the first. */
    private void uploadPart() throws IOException {
      int number = parts.size() + 1;
      try {
        if (uploadId == null) {
          uploadId =
              s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType))
                  .uploadId();
        }
        String etag =
            s3.uploadPart(
                    r ->
                        r.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) filled),
                    RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        filled = 0;
      } catch (SdkException e) {
        throw new IOException(
            "the object store refused part "
                + number
                + " of s3://"
                + bucket
                + "/"
                + key
                + ": "
                + e.getMessage(),
            e);
      }
    }

    @Override
    public void commit() throws IOException {
      try {
        if (uploadId == null) {
          s3.putObject(
              r -> r.bucket(bucket).key(key).contentType(contentType).contentLength((long) filled),
              RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled));
          return;
        }
        if (filled > 0) {
          uploadPart();
        }
        s3.completeMultipartUpload(
            r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
      } catch (SdkException e) {
        throw new IOException(
            "the object store refused to complete s3://"
                + bucket
                + "/"
                + key
                + ": "
                + e.getMessage(),
            e);
      }
    }

    @Override
    public void abort() {
      if (uploadId == null) {
        return;
      }
      try {
        s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
      } catch (SdkException e) {
        // The store's lifecycle rule for incomplete uploads is the safety net.
        LOG.warn("aborting the upload of s3://{}/{} failed: {}", bucket, key, e.getMessage());
      }
    }
    // delivery.md:sink:end
  }
}
