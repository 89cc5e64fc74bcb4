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
package dev.assessment.export.turbojpeg.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The functions of libjpeg-turbo's TurboJPEG 2 API that the codec calls, bound through the Foreign
 * Function and Memory API. TurboJPEG 3 keeps these functions, so both versions serve.
 */
public final class TurboJpeg {
  /** The system property that names the library file, when it is not found by its usual names. */
  public static final String LIBRARY_PROPERTY = "assessment.export.turbojpeg.library";

  /** Pixel formats (TJPF). */
  public static final int TJPF_RGBX = 2;

  /** Blue, green, red: {@link java.awt.image.BufferedImage#TYPE_3BYTE_BGR}'s byte order. */
  public static final int TJPF_BGR = 1;

  /** Blue, green, red, unused. */
  public static final int TJPF_BGRX = 3;

  /** Unused, blue, green, red. */
  public static final int TJPF_XBGR = 4;

  /** Unused, red, green, blue. */
  public static final int TJPF_XRGB = 5;

  /** Colour spaces (TJCS) the codec leaves to ImageIO. */
  public static final int TJCS_CMYK = 3;

  /** YCCK, Adobe's CMYK. */
  public static final int TJCS_YCCK = 4;

  /** 4:2:0 chroma subsampling, ImageIO's writer's default. */
  public static final int TJSAMP_420 = 2;

  /**
   * The accurate integer DCT when compressing, as libjpeg's and ImageIO's default; TurboJPEG's own
   * default is the fast one, which moves pixels by a few levels.
   */
  public static final int TJFLAG_ACCURATEDCT = 4096;

  private static final Linker LINKER = Linker.nativeLinker();

  /** C's {@code unsigned long}: 64 bits on Linux and macOS, 32 on Windows. */
  public static final ValueLayout C_LONG =
      (ValueLayout) Objects.requireNonNull(LINKER.canonicalLayouts().get("long"));

  private static final AddressLayout ADDRESS = ValueLayout.ADDRESS;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

  /** The library file's name or path, as it was found. */
  public final String library;

  private final MethodHandle initCompress;
  private final MethodHandle initDecompress;
  private final MethodHandle destroy;
  private final MethodHandle decompressHeader3;
  private final MethodHandle decompress2;
  private final MethodHandle compress2;
  private final MethodHandle free;
  private final MethodHandle errorString2;

  private TurboJpeg(String library, SymbolLookup lookup) {
    this.library = library;
    initCompress = bind(lookup, "tjInitCompress", FunctionDescriptor.of(ADDRESS));
    initDecompress = bind(lookup, "tjInitDecompress", FunctionDescriptor.of(ADDRESS));
    destroy = bind(lookup, "tjDestroy", FunctionDescriptor.of(INT, ADDRESS));
    decompressHeader3 =
        bind(
            lookup,
            "tjDecompressHeader3",
            FunctionDescriptor.of(
                INT, ADDRESS, ADDRESS, C_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    decompress2 =
        bind(
            lookup,
            "tjDecompress2",
            FunctionDescriptor.of(INT, ADDRESS, ADDRESS, C_LONG, ADDRESS, INT, INT, INT, INT, INT));
    compress2 =
        bind(
            lookup,
            "tjCompress2",
            FunctionDescriptor.of(
                INT, ADDRESS, ADDRESS, INT, INT, INT, INT, ADDRESS, ADDRESS, INT, INT, INT));
    free = bind(lookup, "tjFree", FunctionDescriptor.ofVoid(ADDRESS));
    errorString2 = bind(lookup, "tjGetErrorStr2", FunctionDescriptor.of(ADDRESS, ADDRESS));
  }

  /**
   * Binds a function; C's {@code unsigned long} parameters take a Java {@code long} whatever their
   * width.
   */
  private static MethodHandle bind(SymbolLookup lookup, String name, FunctionDescriptor d) {
    MemorySegment symbol =
        lookup
            .find(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "libturbojpeg has no function " + name + ": it is older than version 2.0"));
    MethodHandle h = LINKER.downcallHandle(symbol, d);
    MethodType wanted = h.type();
    List<MemoryLayout> args = d.argumentLayouts();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) == C_LONG) {
        wanted = wanted.changeParameterType(i, long.class);
      }
    }
    return MethodHandles.explicitCastArguments(h, wanted);
  }

  /**
   * Finds and binds the library: the file the system property {@value #LIBRARY_PROPERTY} names,
   * else the usual names of Debian and Ubuntu ({@code libturbojpeg0}), Fedora, Homebrew ({@code
   * jpeg-turbo}), libjpeg-turbo's own packages and Windows.
   *
   * @return the bound library
   * @throws IllegalStateException naming every name tried when none loads
   */
  public static TurboJpeg load() {
    List<String> names = new ArrayList<>();
    String configured = System.getProperty(LIBRARY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      names.add(configured.strip());
    } else {
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      if (os.contains("win")) {
        names.add("turbojpeg.dll");
        names.add("C:\\libjpeg-turbo64\\bin\\turbojpeg.dll");
      } else if (os.contains("mac")) {
        names.add("libturbojpeg.0.dylib");
        names.add("libturbojpeg.dylib");
        names.add("/opt/homebrew/opt/jpeg-turbo/lib/libturbojpeg.0.dylib");
        names.add("/usr/local/opt/jpeg-turbo/lib/libturbojpeg.0.dylib");
        names.add("/opt/libjpeg-turbo/lib/libturbojpeg.0.dylib");
      } else {
        names.add("libturbojpeg.so.0");
        names.add("libturbojpeg.so");
        names.add("/opt/libjpeg-turbo/lib64/libturbojpeg.so.0");
        names.add("/opt/libjpeg-turbo/lib/libturbojpeg.so.0");
      }
    }
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      SymbolLookup lookup = open(name, failures);
      if (lookup != null) {
        return new TurboJpeg(name, lookup);
      }
    }
    throw new IllegalStateException(
        "libturbojpeg was not found ("
            + String.join("; ", failures)
            + "): install it (Debian and Ubuntu: libturbojpeg0; Homebrew: jpeg-turbo) or set -D"
            + LIBRARY_PROPERTY
            + "=/path/to/the/library");
  }

  private static @Nullable SymbolLookup open(String name, List<String> failures) {
    try {
      return SymbolLookup.libraryLookup(name, Arena.global());
    } catch (IllegalArgumentException e) {
      failures.add(name + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * Decodes a JPEG into an image of {@code TYPE_3BYTE_BGR}, scaled down in the DCT.
   *
   * @param jpeg the whole file
   * @param scale 1, 2, 4 or 8
   * @return the image, or {@code null} for a CMYK or YCCK JPEG, or one the library cannot decode or
   *     decodes only with a warning
   */
  public @Nullable BufferedImage decode(byte[] jpeg, int scale) {
    if (jpeg.length < 4) {
      return null;
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment handle = (MemorySegment) initDecompress.invokeExact();
      if (handle.equals(MemorySegment.NULL)) {
        throw new IllegalStateException("tjInitDecompress failed: " + error(MemorySegment.NULL));
      }
      try {
        Buffers buffers = Buffers.get();
        MemorySegment src = buffers.jpeg(jpeg.length, arena);
        MemorySegment.copy(jpeg, 0, src, ValueLayout.JAVA_BYTE, 0, jpeg.length);
        MemorySegment header = arena.allocate(INT, 4);
        int rc =
            (int)
                decompressHeader3.invokeExact(
                    handle,
                    src,
                    (long) jpeg.length,
                    header,
                    header.asSlice(4),
                    header.asSlice(8),
                    header.asSlice(12));
        if (rc != 0) {
          return null;
        }
        int width = header.getAtIndex(INT, 0);
        int height = header.getAtIndex(INT, 1);
        int colourSpace = header.getAtIndex(INT, 3);
        if (width < 1 || height < 1 || colourSpace == TJCS_CMYK || colourSpace == TJCS_YCCK) {
          return null;
        }
        int w = (width + scale - 1) / scale;
        int h = (height + scale - 1) / scale;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        MemorySegment dst = buffers.pixels(pixels.length, arena);
        rc =
            (int)
                decompress2.invokeExact(handle, src, (long) jpeg.length, dst, w, 0, h, TJPF_BGR, 0);
        if (rc != 0) {
          // A warning too (data ended early, a corrupt segment): ImageIO tells the damage apart.
          return null;
        }
        MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, pixels, 0, pixels.length);
        return image;
      } finally {
        int unused = (int) destroy.invokeExact(handle);
      }
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * Encodes an image as a baseline 4:2:0 JPEG.
   *
   * @param image the image: {@code TYPE_3BYTE_BGR}, {@code TYPE_INT_RGB} or {@code TYPE_INT_BGR} as
   *     it comes from the drawing; any other type is converted first
   * @param quality 1 to 100
   * @param out where the JPEG goes; not closed
   * @throws IOException if encoding or writing fails
   */
  public void encode(BufferedImage image, int quality, OutputStream out) throws IOException {
    BufferedImage plain = plain(image);
    int w = plain.getWidth();
    int h = plain.getHeight();
    boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    try (Arena arena = Arena.ofConfined()) {
      Buffers buffers = Buffers.get();
      MemorySegment src;
      int format;
      if (plain.getType() == BufferedImage.TYPE_3BYTE_BGR) {
        byte[] pixels = ((DataBufferByte) plain.getRaster().getDataBuffer()).getData();
        src = buffers.pixels(pixels.length, arena);
        MemorySegment.copy(pixels, 0, src, ValueLayout.JAVA_BYTE, 0, pixels.length);
        format = TJPF_BGR;
      } else {
        int[] pixels = ((DataBufferInt) plain.getRaster().getDataBuffer()).getData();
        src = buffers.pixels(4L * pixels.length, arena);
        MemorySegment.copy(pixels, 0, src, ValueLayout.JAVA_INT, 0, pixels.length);
        boolean rgb = plain.getType() == BufferedImage.TYPE_INT_RGB;
        // 0x00RRGGBB in memory is B, G, R, X on a little-endian machine.
        format = rgb ? (little ? TJPF_BGRX : TJPF_XRGB) : (little ? TJPF_RGBX : TJPF_XBGR);
      }
      MemorySegment handle = (MemorySegment) initCompress.invokeExact();
      if (handle.equals(MemorySegment.NULL)) {
        throw new IOException("tjInitCompress failed: " + error(MemorySegment.NULL));
      }
      MemorySegment bufferPointer = arena.allocate(ADDRESS);
      bufferPointer.set(ADDRESS, 0, MemorySegment.NULL);
      MemorySegment sizePointer = arena.allocate(C_LONG);
      try {
        int rc =
            (int)
                compress2.invokeExact(
                    handle,
                    src,
                    w,
                    0,
                    h,
                    format,
                    bufferPointer,
                    sizePointer,
                    TJSAMP_420,
                    quality,
                    TJFLAG_ACCURATEDCT);
        if (rc != 0) {
          throw new IOException("libturbojpeg could not encode the image: " + error(handle));
        }
        long size =
            C_LONG.byteSize() == 8
                ? sizePointer.get(ValueLayout.JAVA_LONG, 0)
                : Integer.toUnsignedLong(sizePointer.get(ValueLayout.JAVA_INT, 0));
        MemorySegment jpeg = bufferPointer.get(ADDRESS, 0).reinterpret(size);
        byte[] chunk = new byte[(int) Math.min(size, 1 << 16)];
        for (long at = 0; at < size; at += chunk.length) {
          int n = (int) Math.min(chunk.length, size - at);
          MemorySegment.copy(jpeg, ValueLayout.JAVA_BYTE, at, chunk, 0, n);
          out.write(chunk, 0, n);
        }
      } finally {
        MemorySegment buffer = bufferPointer.get(ADDRESS, 0);
        if (!buffer.equals(MemorySegment.NULL)) {
          free.invokeExact(buffer);
        }
        int unused = (int) destroy.invokeExact(handle);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Returns the image itself when its pixels lie in one plain array, else a copy that does. */
  private static BufferedImage plain(BufferedImage image) {
    int type = image.getType();
    boolean known =
        type == BufferedImage.TYPE_3BYTE_BGR
            || type == BufferedImage.TYPE_INT_RGB
            || type == BufferedImage.TYPE_INT_BGR;
    WritableRaster r = image.getRaster();
    boolean whole =
        r.getParent() == null
            && r.getSampleModelTranslateX() == 0
            && r.getSampleModelTranslateY() == 0
            && r.getDataBuffer().getNumBanks() == 1
            && r.getDataBuffer().getOffset() == 0
            && r.getDataBuffer().getSize()
                == (long) image.getWidth()
                    * image.getHeight()
                    * (type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1);
    if (known && whole) {
      return image;
    }
    BufferedImage copy =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = copy.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return copy;
  }

  /**
   * Native buffers for the compressed and the decoded image, kept per thread and reused: fresh
   * native memory costs more than decoding (the kernel hands it out page by page, zeroed), so a
   * rendering thread keeps buffers as large as the largest image it has drawn, up to {@link #KEPT}
   * bytes each; larger ones, and those of virtual threads, live for one call.
   */
  private static final class Buffers {
    static final long KEPT = 256L << 20;
    private static final ThreadLocal<Buffers> KEPT_BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** The kept buffer of each kind: the compressed image, the decoded pixels. */
    private final MemorySegment[] kept = {MemorySegment.NULL, MemorySegment.NULL};

    static Buffers get() {
      return KEPT_BUFFERS.get();
    }

    MemorySegment jpeg(long size, Arena call) {
      return buffer(0, size, call);
    }

    MemorySegment pixels(long size, Arena call) {
      return buffer(1, size, call);
    }

    private MemorySegment buffer(int kind, long size, Arena call) {
      if (size > KEPT || Thread.currentThread().isVirtual()) {
        // A virtual thread lives for one task: what it kept would wait for the garbage collector.
        return call.allocate(size);
      }
      if (kept[kind].byteSize() < size) {
        kept[kind] = grown(size);
      }
      return kept[kind].asSlice(0, size);
    }

    /** A quarter more than asked, so that slowly growing images do not reallocate each time. */
    private static MemorySegment grown(long size) {
      return Arena.ofAuto().allocate(Math.min(size + size / 4, KEPT), 16);
    }
  }

  /**
   * Returns the last error's text of a handle.
   *
   * @param handle the handle, or {@link MemorySegment#NULL} for an error of an initialisation
   * @return the text
   */
  public String error(MemorySegment handle) {
    try {
      MemorySegment text = (MemorySegment) errorString2.invokeExact(handle);
      return text.equals(MemorySegment.NULL)
          ? "unknown error"
          : text.reinterpret(1 << 10).getString(0);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * Returns a throwable from a method handle as an unchecked exception.
   *
   * @param t what the call threw
   * @return never: an {@link Error} or runtime exception is thrown as it is
   */
  public static RuntimeException rethrow(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
