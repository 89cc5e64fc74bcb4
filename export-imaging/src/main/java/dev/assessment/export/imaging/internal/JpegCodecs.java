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
package dev.assessment.export.imaging.internal;

import dev.assessment.export.imaging.JpegCodec;
import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the JPEG codec of this JVM once: the first provider that loads, or ImageIO's. */
public final class JpegCodecs {
  private static final Logger LOG = LoggerFactory.getLogger(JpegCodecs.class);

  /** The name recorded in part markers for ImageIO's codec. */
  public static final String IMAGEIO = "imageio";

  private JpegCodecs() {}

  private static final class Holder {
    static final @Nullable JpegCodec SELECTED =
        select(System.getProperty(JpegCodec.PROPERTY, ""), JpegCodecs.class.getClassLoader());
  }

  /**
   * Returns the codec of this JVM.
   *
   * @return the codec, or {@code null} for ImageIO's
   */
  public static @Nullable JpegCodec selected() {
    return Holder.SELECTED;
  }

  /**
   * Returns the name of a codec, for part markers.
   *
   * @param codec the codec, or {@code null} for ImageIO's
   * @return its name
   */
  public static String id(@Nullable JpegCodec codec) {
    return codec == null ? IMAGEIO : codec.id();
  }

  /**
   * Chooses a codec.
   *
   * @param property the value of {@link JpegCodec#PROPERTY}: empty for the first provider that
   *     loads, {@code imageio} for none, or a provider's id
   * @param loader where providers are looked for
   * @return the codec, or {@code null} for ImageIO's
   */
  static @Nullable JpegCodec select(String property, @Nullable ClassLoader loader) {
    String wanted = property.strip().toLowerCase(Locale.ROOT);
    if (wanted.equals(IMAGEIO)) {
      LOG.debug("JPEG codec: ImageIO ({}={})", JpegCodec.PROPERTY, wanted);
      return null;
    }
    StringBuilder why = new StringBuilder();
    Iterator<JpegCodec> it = ServiceLoader.load(JpegCodec.class, loader).iterator();
    // A provider that fails may be reported more than once; the attempts are bounded all the same.
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        if (!it.hasNext()) {
          break;
        }
        JpegCodec codec = it.next();
        if (wanted.isEmpty() || wanted.equals(codec.id())) {
          LOG.debug("JPEG codec: {} ({})", codec.id(), codec);
          return codec;
        }
        why.append("; ").append(codec.id()).append(" is not ").append(wanted);
      } catch (ServiceConfigurationError | LinkageError e) {
        // A provider for a newer Java, or one whose native library is missing.
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (why.indexOf(String.valueOf(cause)) < 0) {
          why.append("; ").append(cause);
        }
      }
    }
    LOG.debug("JPEG codec: ImageIO ({})", why.length() == 0 ? "no provider" : why.substring(2));
    return null;
  }
}
