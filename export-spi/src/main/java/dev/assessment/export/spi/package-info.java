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
 * The domain model of an assessment workflow and the repository interfaces that a plugin author
 * implements over their own storage.
 *
 * <p>Key types: the records {@link dev.assessment.export.spi.Workflow}, {@link
 * dev.assessment.export.spi.WorkflowOrder}, {@link dev.assessment.export.spi.DataSource}, {@link
 * dev.assessment.export.spi.MediaFile}, {@link dev.assessment.export.spi.Assessment}, {@link
 * dev.assessment.export.spi.Entity}, {@link dev.assessment.export.spi.AttributeValue} and {@link
 * dev.assessment.export.spi.Polygon}; the repositories {@link
 * dev.assessment.export.spi.WorkflowRepository}, {@link
 * dev.assessment.export.spi.AssessmentRepository} and {@link
 * dev.assessment.export.spi.MediaRepository}.
 *
 * <pre>{@code
 * Entity dent = new Entity("e1", "dent", Polygon.of(10, 10, 50, 10, 50, 40), 0.92,
 *     List.of(AttributeValue.of("severity", Value.number(3), 0.8)));
 * }</pre>
 *
 * <p>Records check what must always hold (ids present, confidences within [0, 1]) and copy the
 * collections they are given; they accept data that an export must be able to report as bad, such
 * as a polygon with two points or a non-finite coordinate.
 *
 * <p>Nullness: every parameter, return value and record component in this package is non-null
 * unless it is annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.spi;

import org.jspecify.annotations.NullMarked;
