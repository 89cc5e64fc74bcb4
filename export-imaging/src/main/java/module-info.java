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
 * The archive layouts of Assessment Export, {@code files} and {@code annotated-files}, provided to
 * the exporter as {@link dev.assessment.export.core.layout.LayoutProvider} services.
 */
module dev.assessment.export.imaging {
  requires transitive dev.assessment.export.core;
  requires static transitive org.jspecify;
  requires transitive java.desktop;
  requires org.apache.commons.compress;
  requires org.apache.commons.io;
  requires com.twelvemonkeys.imageio.metadata;
  requires org.slf4j;

  exports dev.assessment.export.imaging;

  uses dev.assessment.export.imaging.JpegCodec;

  provides dev.assessment.export.core.layout.LayoutProvider with
      dev.assessment.export.imaging.internal.FilesLayoutProvider,
      dev.assessment.export.imaging.internal.AnnotatedLayoutProvider;
}
