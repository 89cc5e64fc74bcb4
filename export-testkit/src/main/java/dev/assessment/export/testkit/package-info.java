/**
 * The repository SPI contract as a test that ships: a plugin author extends {@link
 * dev.assessment.export.testkit.RepositoryContract} with one method that loads a fixture into
 * their storage, and JUnit Jupiter runs the whole contract against it.
 *
 * <pre>{@code
 * class MyRepositoryContractTest extends RepositoryContract {
 *   @Override
 *   protected RepositoryUnderTest load(InMemoryRepository fixture) throws Exception {
 *     MyRepository repository = MyRepository.create(freshDatabase());
 *     repository.importAll(fixture);
 *     return RepositoryUnderTest.of(repository);
 *   }
 * }
 * }</pre>
 *
 * <p>Nullness: non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.assessment.export.testkit;

import org.jspecify.annotations.NullMarked;
