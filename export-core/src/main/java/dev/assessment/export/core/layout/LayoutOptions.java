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
package dev.assessment.export.core.layout;

/**
 * Typed options of a layout, carried by a request keyed by their class ({@code
 * ExportRequest.Builder.option(…)}). A {@link LayoutProvider} lists the option types it reads in
 * {@link LayoutProvider#optionTypes()}; a request that carries any other type is refused for that
 * layout. Implementations are immutable, and derive {@code equals}, {@code hashCode}, {@code
 * toString} and {@link #fingerprint()} from one list of fields, e.g. with {@link Fields}.
 *
 * @since 0.2
 */
public interface LayoutOptions {

  /**
   * Returns the settings that decide the output's bytes, as canonical text that is the same on
   * every JDK, for the request's fingerprint. Settings that change only speed or resources
   * (threads, read-ahead) are left out, so that parts exported with different ones still merge.
   *
   * @return the canonical text
   * @since 0.2
   */
  String fingerprint();
}
