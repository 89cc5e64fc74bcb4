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
package dev.assessment.export.turbojpeg;

import dev.assessment.export.imaging.JpegCodec;
import dev.assessment.export.turbojpeg.internal.TurboJpeg;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JpegCodec} over libjpeg-turbo's TurboJPEG library (2.0 or later), called through the
 * Foreign Function and Memory API: it decodes and encodes about twice as fast per core as ImageIO,
 * and decodes at 1/2, 1/4 and 1/8 of the size in the DCT, so that {@code maxLongEdge} saves most of
 * the decoding. CMYK and YCCK JPEGs, and those the library cannot decode, are left to ImageIO.
 *
 * <p>Found by the exporter through {@link java.util.ServiceLoader} when this module is on the class
 * or module path of a Java 22 or later JVM. The JVM must allow the module native access ({@code
 * --enable-native-access=dev.assessment.export.turbojpeg} on the module path, {@code
 * --enable-native-access=ALL-UNNAMED} or the manifest attribute {@code Enable-Native-Access:
 * ALL-UNNAMED} on the class path); without it, or without the library, the constructor throws and
 * the exporter uses ImageIO, saying why at DEBUG.
 *
 * @since 0.2
 */
public final class TurboJpegCodec implements JpegCodec {
  private final TurboJpeg library;

  /**
   * Loads libturbojpeg.
   *
   * @throws IllegalStateException if native access is not enabled for this module, or the library
   *     is not found (the message names the names tried and the system property {@value
   *     TurboJpeg#LIBRARY_PROPERTY} that names its file)
   * @since 0.2
   */
  public TurboJpegCodec() {
    Module module = TurboJpegCodec.class.getModule();
    if (!module.isNativeAccessEnabled()) {
      throw new IllegalStateException(
          "native access is not enabled for "
              + (module.isNamed() ? module.getName() : "the class path")
              + ": run Java with --enable-native-access="
              + (module.isNamed() ? module.getName() : "ALL-UNNAMED"));
    }
    this.library = TurboJpeg.load();
  }

  /**
   * Returns {@code turbojpeg}.
   *
   * @return {@code turbojpeg}
   * @since 0.2
   */
  @Override
  public String id() {
    return "turbojpeg";
  }

  @Override
  public @Nullable BufferedImage decode(byte[] jpeg, int scale) {
    if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
      throw new IllegalArgumentException("scale is 1, 2, 4 or 8, not " + scale);
    }
    return library.decode(jpeg, scale);
  }

  @Override
  public void encode(BufferedImage image, float quality, OutputStream out) throws IOException {
    // ImageIO's quality q scales the standard tables as libjpeg's quality 100 q does.
    int q = Math.max(1, Math.min(100, Math.round(quality * 100)));
    library.encode(image, q, out);
  }

  /**
   * Names the library file in use.
   *
   * @return e.g. {@code TurboJpegCodec[libturbojpeg.so.0]}
   */
  @Override
  public String toString() {
    return "TurboJpegCodec[" + library.library + "]";
  }
}
