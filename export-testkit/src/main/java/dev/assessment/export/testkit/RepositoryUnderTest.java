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
package dev.assessment.export.testkit;

import dev.assessment.export.spi.AssessmentRepository;
import dev.assessment.export.spi.MediaRepository;
import dev.assessment.export.spi.WorkflowRepository;
import java.util.Objects;

/**
 * The repositories a plugin author hands to the contract test, and what to release afterwards.
 *
 * @param workflows the workflow metadata
 * @param assessments the files and assessments
 * @param media the content
 * @param cleanup run after each test, e.g. to drop a database; may be a no-op
 * @since 0.2
 */
public record RepositoryUnderTest(
    WorkflowRepository workflows,
    AssessmentRepository assessments,
    MediaRepository media,
    AutoCloseable cleanup) {
  /**
   * Checks the components.
   *
   * @param workflows the workflow metadata
   * @param assessments the files and assessments
   * @param media the content
   * @param cleanup run after each test
   * @since 0.2
   */
  public RepositoryUnderTest {
    Objects.requireNonNull(workflows, "workflows");
    Objects.requireNonNull(assessments, "assessments");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(cleanup, "cleanup");
  }

  /**
   * Returns one object that implements every repository, with nothing to clean up.
   *
   * @param repository the repository
   * @param <R> a type implementing the three repositories
   * @return the repositories under test
   * @since 0.2
   */
  public static <R extends WorkflowRepository & AssessmentRepository & MediaRepository>
      RepositoryUnderTest of(R repository) {
    return new RepositoryUnderTest(repository, repository, repository, () -> {});
  }

  /**
   * Returns one object that implements every repository, with a clean-up.
   *
   * @param repository the repository
   * @param cleanup run after each test
   * @param <R> a type implementing the three repositories
   * @return the repositories under test
   * @since 0.2
   */
  public static <R extends WorkflowRepository & AssessmentRepository & MediaRepository>
      RepositoryUnderTest of(R repository, AutoCloseable cleanup) {
    return new RepositoryUnderTest(repository, repository, repository, cleanup);
  }
}
