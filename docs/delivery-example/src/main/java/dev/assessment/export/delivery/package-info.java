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
