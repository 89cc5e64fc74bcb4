/**
 * Documentation code: the product's delivery of an export, end to end, with the parts real hosts
 * use. {@link dev.assessment.export.delivery.S3MultipartSink} streams an export into S3-compatible
 * storage with a multipart upload in constant memory; {@link
 * dev.assessment.export.delivery.Delivery} runs the export as a job and, when it is ready, e-mails
 * a pre-signed link (or a failure notice). See docs/delivery.md.
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.delivery;

import org.jspecify.annotations.NullMarked;
