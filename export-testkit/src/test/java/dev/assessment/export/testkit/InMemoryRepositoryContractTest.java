package dev.assessment.export.testkit;

import dev.assessment.export.spi.memory.InMemoryRepository;

/** The contract, run against the in-memory repository: the fixture is its own storage. */
class InMemoryRepositoryContractTest extends RepositoryContract {
  @Override
  protected RepositoryUnderTest load(InMemoryRepository fixture) {
    return RepositoryUnderTest.of(fixture);
  }
}
