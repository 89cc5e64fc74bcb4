package dev.assessment.export.imaging.internal;

import dev.assessment.export.core.Parts;
import dev.assessment.export.core.layout.ExportContext;
import dev.assessment.export.spi.MediaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** How an archive part starts: its marker entry, and names counted from the files before it. */
final class Parts2 {
  private Parts2() {}

  /**
   * When the export is a shard: writes the marker entry, and names the files before the shard
   * so that this part numbers shared bases as the whole export does.
   */
  static void start(ExportContext context, ZipWriter zip, EntryNames names) throws IOException {
    String marker = context.partMarker();
    if (marker == null) {
      return;
    }
    byte[] bytes = marker.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    try (Spool spool = new Spool(1 << 10)) {
      spool.write(bytes);
      spool.finishWriting();
      zip.add(Parts.MARKER_ENTRY, true, crc.getValue(), spool);
    }
    try (Stream<MediaFile> before = context.filesBeforeShard()) {
      Iterator<MediaFile> it = before.iterator();
      while (it.hasNext()) {
        names.next(it.next());
      }
    }
  }
}
