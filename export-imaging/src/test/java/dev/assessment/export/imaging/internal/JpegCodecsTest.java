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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.assessment.export.imaging.JpegCodec;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegCodecsTest {
  /** A codec that loads. */
  public static class Loads implements JpegCodec {
    @Override
    public String id() {
      return "loads";
    }

    @Override
    public @Nullable BufferedImage decode(byte[] jpeg, int scale) {
      return null;
    }

    @Override
    public void encode(BufferedImage image, float quality, OutputStream out) {}
  }

  /** A codec whose native library is missing. */
  public static final class LibraryMissing extends Loads {
    /** Fails as a codec without its library does. */
    public LibraryMissing() {
      throw new IllegalStateException("libexample was not found");
    }
  }

  /** A class loader whose service file lists the given providers, in order. */
  private static ClassLoader providers(Path dir, String... classes) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(JpegCodec.class.getName()),
        String.join("\n", classes) + "\n",
        StandardCharsets.UTF_8);
    return new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, JpegCodecsTest.class.getClassLoader());
  }

  @Test
  void aProviderThatFailsToLoadIsPassedOver(@TempDir Path dir) throws Exception {
    // A provider class for a newer Java fails to link as a missing one does; one whose library
    // is missing throws from its constructor. Both leave the next provider, or ImageIO.
    ClassLoader loader =
        providers(
            dir,
            "dev.assessment.export.imaging.internal.AbsentCodec",
            LibraryMissing.class.getName(),
            Loads.class.getName());
    JpegCodec chosen = JpegCodecs.select("", loader);
    assertEquals("loads", chosen == null ? null : chosen.id());
    assertEquals("loads", JpegCodecs.id(chosen));
    assertNull(
        JpegCodecs.select(
            "", providers(dir.resolve("b"), LibraryMissing.class.getName(), "x.AbsentCodec")));
  }

  @Test
  void thePropertyChoosesImageIoOrAProviderById(@TempDir Path dir) throws Exception {
    ClassLoader loader = providers(dir, Loads.class.getName());
    assertNull(JpegCodecs.select("imageio", loader));
    assertNull(JpegCodecs.select(" ImageIO ", loader));
    JpegCodec byId = JpegCodecs.select("loads", loader);
    assertEquals("loads", byId == null ? null : byId.id());
    assertNull(JpegCodecs.select("turbojpeg", loader), "no provider has that id");
    assertEquals("imageio", JpegCodecs.id(null));
  }
}
