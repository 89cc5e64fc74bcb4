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

import dev.assessment.export.core.ExportJob;
import dev.assessment.export.core.ExportListener;
import dev.assessment.export.core.ExportRequest;
import dev.assessment.export.core.ExportResult;
import dev.assessment.export.core.Exporter;
import dev.assessment.export.core.layout.LayoutProvider;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The product's delivery: an export runs as a job streamed into object storage, and when it is
 * ready the person who asked gets an e-mail with a pre-signed link that expires; when it fails or
 * is cancelled they get a failure notice instead, never a link to a partial object. If the mail
 * cannot be sent, the object stays and {@link #sendLink} sends it again without exporting.
 *
 * <pre>{@code
 * Delivery delivery = new Delivery(s3, presigner, Delivery.Settings.of("exports", "exports@example.org")
 *     .smtp("mail.example.org", 25));
 * Delivery.Running running = delivery.submit(exporter, request,
 *     new Delivery.Notice("ana@example.org", "Hail damage", "8492192"), ExportListener.none());
 * running.delivered().thenAccept(receipt -> log.info("sent {}", receipt.link()));
 * }</pre>
 */
public final class Delivery {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final Settings settings;
  private final Clock clock;

  /**
   * Where exports go and how people are told.
   *
   * @param bucket the bucket exports are stored in
   * @param prefix the key prefix, e.g. {@code exports/}
   * @param partSize the multipart upload's part size
   * @param linkExpiry how long a link works
   * @param from the sender of the e-mails
   * @param smtpHost the SMTP server
   * @param smtpPort its port
   */
  public record Settings(
      String bucket,
      String prefix,
      int partSize,
      Duration linkExpiry,
      String from,
      String smtpHost,
      int smtpPort) {
    /**
     * Checks the settings.
     *
     * @param bucket the bucket exports are stored in
     * @param prefix the key prefix
     * @param partSize the part size, at least 5 MiB
     * @param linkExpiry how long a link works, at most 7 days (S3's limit for pre-signed links)
     * @param from the sender
     * @param smtpHost the SMTP server
     * @param smtpPort its port
     */
    public Settings {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(smtpHost, "smtpHost");
      if (partSize < S3MultipartSink.MIN_PART_SIZE) {
        throw new IllegalArgumentException("partSize must be at least 5 MiB, was " + partSize);
      }
      if (linkExpiry.isNegative()
          || linkExpiry.isZero()
          || linkExpiry.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException(
            "linkExpiry must be within (0, 7 days], S3's limit for pre-signed links, was "
                + linkExpiry);
      }
    }

    /**
     * Returns settings with the defaults: prefix {@code exports/}, 8 MiB parts, links valid for 3
     * days, SMTP on localhost:25.
     *
     * @param bucket the bucket
     * @param from the sender
     * @return the settings
     */
    public static Settings of(String bucket, String from) {
      return new Settings(
          bucket,
          "exports/",
          S3MultipartSink.DEFAULT_PART_SIZE,
          Duration.ofDays(3),
          from,
          "localhost",
          25);
    }

    /**
     * Returns these settings with another SMTP server.
     *
     * @param host the host
     * @param port the port
     * @return the settings
     */
    public Settings smtp(String host, int port) {
      return new Settings(bucket, prefix, partSize, linkExpiry, from, host, port);
    }

    /**
     * Returns these settings with another part size.
     *
     * @param bytes the part size
     * @return the settings
     */
    public Settings partSize(int bytes) {
      return new Settings(bucket, prefix, bytes, linkExpiry, from, smtpHost, smtpPort);
    }
  }

  /**
   * Who is told, and the names the e-mail gives the export.
   *
   * @param recipient the e-mail address
   * @param workflow the workflow's name
   * @param order the order's name, or empty
   */
  public record Notice(String recipient, String workflow, String order) {}

  /**
   * What was delivered.
   *
   * @param key the object's key
   * @param link the pre-signed link
   * @param expires when the link stops working
   * @param result the export's result
   */
  public record Receipt(String key, URI link, Instant expires, ExportResult result) {}

  /**
   * A delivery under way: the export job (progress, cancel) and the future of the delivery.
   *
   * @param job the export
   * @param key the object's key
   * @param delivered completes with the receipt once the mail is sent; exceptionally with the
   *     export's failure (after the failure notice), or with a {@link DeliveryException} when the
   *     object is stored but the mail could not be sent
   */
  public record Running(ExportJob job, String key, CompletableFuture<Receipt> delivered) {}

  /**
   * Every selected file was left out (its content missing or unreadable): nothing was stored and
   * the recipient was told so instead of getting a link.
   */
  public static final class NothingToDeliverException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ExportResult result;

    NothingToDeliverException(ExportResult result) {
      super(
          "none of the "
              + result.filesSkipped()
              + " selected file(s) could be read; see the result's warnings");
      this.result = result;
    }

    /**
     * Returns the export's result, whose warnings say why each file was left out.
     *
     * @return the result
     */
    public ExportResult result() {
      return result;
    }
  }

  /**
   * The object is stored, but the e-mail with its link could not be sent; retry with {@link
   * #sendLink}.
   */
  public static final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ExportResult result;
    private final String key;

    DeliveryException(String message, String key, ExportResult result, Throwable cause) {
      super(message, cause);
      this.key = key;
      this.result = result;
    }

    /**
     * Returns the key of the stored object.
     *
     * @return the key
     */
    public String key() {
      return key;
    }

    /**
     * Returns the export's result.
     *
     * @return the result
     */
    public ExportResult result() {
      return result;
    }
  }

  /**
   * Creates the delivery.
   *
   * @param s3 the object store
   * @param presigner signs the links
   * @param settings where and how
   */
  public Delivery(S3Client s3, S3Presigner presigner, Settings settings) {
    this(s3, presigner, settings, Clock.systemUTC());
  }

  Delivery(S3Client s3, S3Presigner presigner, Settings settings, Clock clock) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.presigner = Objects.requireNonNull(presigner, "presigner");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = clock;
  }

  /**
   * Starts an export streamed into the store, and chains the e-mail on its completion.
   *
   * @param exporter the exporter
   * @param request what to export
   * @param notice who is told, and the names the mail gives
   * @param listener progress, on the job's thread
   * @return the running delivery
   */
  // delivery.md:submit:start
  public Running submit(
      Exporter exporter, ExportRequest request, Notice notice, ExportListener listener) {
    LayoutProvider provider =
        exporter
            .provider(request.layout())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("the exporter cannot write " + request.layout()));
    String key =
        settings.prefix()
            + UUID.randomUUID()
            + "/"
            + request.workflowId()
            + (request.orderId() == null ? "" : "-" + request.orderId())
            + "-"
            + request.layout().id()
            + "."
            + provider.extension();
    S3MultipartSink sink =
        new S3MultipartSink(s3, settings.bucket(), key, provider.mediaType(), settings.partSize());
    ExportJob job = exporter.submit(request, sink, listener);
    CompletableFuture<Receipt> delivered =
        job.completion()
            .handle(
                (result, failure) -> {
                  if (failure != null) {
                    Throwable cause =
                        failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    sendQuietly(
                        notice,
                        "Your export of " + names(notice) + " failed",
                        "The export of "
                            + names(notice)
                            + " could not be completed"
                            + (cause instanceof CancellationException
                                ? ": it was cancelled."
                                : ": " + cause.getMessage() + ".")
                            + "\n\nNothing was stored. Please ask for it again, or reply to this message.\n");
                    throw failure instanceof CompletionException c
                        ? c
                        : new CompletionException(failure);
                  }
                  if (result.everyFileSkipped()) {
                    // An archive of a manifest alone is not the data: say so instead of a link.
                    deleteQuietly(key);
                    sendQuietly(
                        notice,
                        "Your export of " + names(notice) + " has nothing to download",
                        "None of the "
                            + result.filesSkipped()
                            + " selected file(s) of "
                            + names(notice)
                            + " could be read from storage, so nothing was stored."
                            + "\n\nPlease reply to this message: we will look into it.\n");
                    throw new CompletionException(new NothingToDeliverException(result));
                  }
                  try {
                    return sendLink(key, result, notice);
                  } catch (DeliveryException e) {
                    throw new CompletionException(e);
                  }
                });
    return new Running(job, key, delivered);
  }

  // delivery.md:submit:end

  /**
   * Signs a link to a stored export and e-mails it. Called when an export completes, and again by a
   * host when the first mail could not be sent.
   *
   * @param key the object's key
   * @param result the export's result, for the counts in the mail
   * @param notice who is told
   * @return the receipt
   * @throws DeliveryException if the mail cannot be sent; the object stays
   */
  public Receipt sendLink(String key, ExportResult result, Notice notice) throws DeliveryException {
    Instant expires = clock.instant().plus(settings.linkExpiry());
    URI link;
    try {
      link =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(settings.linkExpiry())
                          .getObjectRequest(g -> g.bucket(settings.bucket()).key(key)))
              .url()
              .toURI();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      throw new DeliveryException(
          "could not sign a link to s3://" + settings.bucket() + "/" + key + ": " + e.getMessage(),
          key,
          result,
          e);
    }
    String body =
        "The export of "
            + names(notice)
            + " is ready: "
            + result.files()
            + " file(s), "
            + size(result.bytes())
            + " ("
            + result.bytes()
            + " bytes), "
            + result.fileName()
            + ".\n\n"
            + "Download it until "
            + expires
            + ":\n"
            + link
            + "\n"
            + (result.warnings().isEmpty()
                ? ""
                : "\n"
                    + result.warnings().size()
                    + " kind(s) of warning were reported; the archive's"
                    + " manifest lists what was skipped and why.\n");
    try {
      send(notice, "Your export of " + names(notice) + " is ready", body);
    } catch (MessagingException e) {
      throw new DeliveryException(
          "the export is stored as s3://"
              + settings.bucket()
              + "/"
              + key
              + ", but the e-mail to "
              + notice.recipient()
              + " could not be sent: "
              + e.getMessage()
              + "; send it again with sendLink(key, result, notice)",
          key,
          result,
          e);
    }
    return new Receipt(key, link, expires, result);
  }

  private void deleteQuietly(String key) {
    try {
      s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Delivery.class)
          .warn("the empty export {} could not be deleted: {}", key, e.getMessage());
    }
  }

  private void sendQuietly(Notice notice, String subject, String body) {
    try {
      send(notice, subject, body);
    } catch (MessagingException e) {
      org.slf4j.LoggerFactory.getLogger(Delivery.class)
          .warn(
              "the failure notice to {} could not be sent: {}", notice.recipient(), e.getMessage());
    }
  }

  private void send(Notice notice, String subject, String body) throws MessagingException {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", settings.smtpHost());
    p.setProperty("mail.smtp.port", Integer.toString(settings.smtpPort()));
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "10000");
    Session session = Session.getInstance(p);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(notice.recipient()));
    message.setSubject(subject, "UTF-8");
    message.setText(body, "UTF-8");
    Transport.send(message);
  }

  private static String names(Notice notice) {
    return notice.workflow() + (notice.order().isEmpty() ? "" : ", order " + notice.order());
  }

  private static String size(long bytes) {
    if (bytes < 1 << 20) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
