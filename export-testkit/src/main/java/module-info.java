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
/** The repository SPI contract as an abstract JUnit Jupiter test, for plugin authors to extend. */
module dev.assessment.export.testkit {
  requires transitive dev.assessment.export.spi;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires static transitive org.jspecify;
  requires java.management;
  requires jdk.management;

  exports dev.assessment.export.testkit;

  opens dev.assessment.export.testkit to
      org.junit.platform.commons;
}
