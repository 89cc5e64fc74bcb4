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
 * A reference implementation of the repository SPI over a documented schema in standard SQL ({@code
 * schema.sql} beside these classes), for H2 and PostgreSQL alike: it streams with a forward-only
 * cursor and a fetch size, reads a query's files and their assessments in one statement, pushes the
 * filters and {@code LATEST} into SQL, and closes every connection and result set on every path.
 *
 * <pre>{@code
 * JdbcRepository repository = JdbcRepository.builder(dataSource).mediaFolder(Path.of("media")).build();
 * Exporter exporter = Exporter.builder().repository(repository).build();
 * }</pre>
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.jdbc;

import org.jspecify.annotations.NullMarked;
