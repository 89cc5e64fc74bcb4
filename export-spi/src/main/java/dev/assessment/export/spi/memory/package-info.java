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
 * An in-memory implementation of every repository interface, for tests and small tools.
 *
 * <p>{@link dev.assessment.export.spi.memory.InMemoryRepository} ships in the {@code export-spi}
 * artifact as a test fixture: host applications state a workflow in a few lines and export it, and
 * their tests can assert that every stream the exporter opened was closed.
 *
 * <pre>{@code
 * InMemoryRepository repository = InMemoryRepository.builder()
 *     .workflow("wf-1", "Hail damage", AttributeDefinition.of("severity", AttributeType.NUMBER))
 *     .dataSource("ds-1", "Field app")
 *     .order("o-1", "8492192")
 *     .file("f-1", file -> file.externalId("000003112442").fileName("roof.jpg")
 *         .mediaType("image/jpeg").dataSource("ds-1").order("o-1").content(jpegBytes)
 *         .assessment("a-1", AssessmentKind.HUMAN, Instant.parse("2025-11-19T08:00:00Z"),
 *             assessment -> assessment.assessor("ana")
 *                 .annotation("e-1", "dent", Polygon.of(10, 10, 60, 10, 60, 40), 0.9,
 *                     AttributeValue.of("severity", Value.number(2), 0.7))))
 *     .build();
 * }</pre>
 *
 * <p>Nullness: every parameter and return value in this package is non-null unless annotated {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.spi.memory;

import org.jspecify.annotations.NullMarked;
