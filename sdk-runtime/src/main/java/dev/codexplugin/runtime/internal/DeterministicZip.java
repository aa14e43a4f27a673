package dev.codexplugin.runtime.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A zip writer whose output depends only on the files' names and bytes: entries sorted by name, one fixed
 * timestamp (2026-01-01 00:00), Unix permissions {@code 0644}, or {@code 0755} for a file the owner may execute,
 * UTF-8 names, no extra fields, no
 * comments. {@link java.util.zip.ZipOutputStream} cannot set permissions, so the format is written here
 * (PKWARE APPNOTE 6.3, without ZIP64: at most 65,535 entries and 4 GiB).
 */
final class DeterministicZip {
  /** MS-DOS date of 2026-01-01: (year - 1980) << 9 | month << 5 | day. */
  static final int DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
  static final int DOS_TIME = 0;
  /** Regular file, rw-r--r--, in the high 16 bits of the external attributes. */
  static final long FILE_ATTRIBUTES = 0100644L << 16;
  /** Regular file, rwxr-xr-x: an executable file of the folder. */
  static final long EXECUTABLE_ATTRIBUTES = 0100755L << 16;
  private static final int VERSION_NEEDED = 20;
  /** Made by Unix (3), so that unzip applies the permissions. */
  private static final int VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
  private static final int UTF8_FLAG = 0x0800;
  private static final long MAX_32 = 0xFFFF_FFFFL;
  /** The read buffer: the zip holds no more of a file than this at a time. */
  private static final int BUFFER = 64 * 1024;

  private DeterministicZip() {}

  private record Written(String name, int method, long crc, long compressedSize, long size, long offset,
      boolean executable) {}

  /**
   * Zips every regular file under {@code folder} as {@code prefix/<relative path>}, leaving out the
   * {@code skip} paths (relative to the folder). A symbolic link is an error: it would not survive install.
   */
  static void write(Path folder, String prefix, Set<String> skip, Path zipFile) throws IOException {
    List<String> files = list(folder, skip);
    if (files.size() > 0xFFFF) {
      throw new IOException("too many files for a zip without ZIP64: " + files.size());
    }
    List<Written> written = new ArrayList<>();
    try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(zipFile)))) {
      for (String file : files) {
        String name = prefix + "/" + file;
        Path path = OutputFolder.resolveInside(folder, file);
        // first pass: the CRC, the size and the deflated size, without holding the file
        Measured m = measure(path);
        boolean store = m.deflatedSize() >= m.size();
        Written w = new Written(name, store ? 0 : 8, m.crc(), store ? m.size() : m.deflatedSize(), m.size(),
            out.count, dev.codexplugin.runtime.format.FolderWalk.isExecutable(path));
        check(w.offset(), name);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        out.int32(0x04034b50);
        entryFields(out, w, nameBytes.length);
        out.write(nameBytes);
        // second pass: the body, streamed; a file that changed in between is an error
        long start = out.count;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
          if (store) {
            in.transferTo(out);
          } else {
            deflate(in, out);
          }
        }
        if (out.count - start != w.compressedSize()) {
          throw new IOException(file + " in " + folder + " changed while it was zipped");
        }
        written.add(w);
      }
      long centralStart = out.count;
      check(centralStart, "central directory");
      for (Written w : written) {
        byte[] nameBytes = w.name().getBytes(StandardCharsets.UTF_8);
        out.int32(0x02014b50);
        out.int16(VERSION_MADE_BY);
        entryFields(out, w, nameBytes.length);
        out.int16(0); // comment
        out.int16(0); // disk
        out.int16(0); // internal attributes
        out.int32(w.executable() ? EXECUTABLE_ATTRIBUTES : FILE_ATTRIBUTES);
        out.int32(w.offset());
        out.write(nameBytes);
      }
      long centralSize = out.count - centralStart;
      check(centralSize, "central directory");
      out.int32(0x06054b50);
      out.int16(0);
      out.int16(0);
      out.int16(written.size());
      out.int16(written.size());
      out.int32(centralSize);
      out.int32(centralStart);
      out.int16(0);
    }
  }

  /** The fields a local header and a central directory record share: version needed through extra length. */
  private static void entryFields(CountingStream out, Written w, int nameLength) throws IOException {
    out.int16(VERSION_NEEDED);
    out.int16(UTF8_FLAG);
    out.int16(w.method());
    out.int16(DOS_TIME);
    out.int16(DOS_DATE);
    out.int32(w.crc());
    out.int32(w.compressedSize());
    out.int32(w.size());
    out.int16(nameLength);
    out.int16(0); // extra
  }

  private static void check(long value, String what) throws IOException {
    if (value >= MAX_32) {
      throw new IOException("the zip grows past 4 GiB at " + what + "; ZIP64 is not supported");
    }
  }

  private record Measured(long crc, long size, long deflatedSize) {}

  private static Measured measure(Path file) throws IOException {
    CRC32 crc = new CRC32();
    CountingStream sink = new CountingStream(OutputStream.nullOutputStream());
    long size = 0;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      try {
        DeflaterOutputStream deflated = new DeflaterOutputStream(sink, deflater, 8192);
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
          crc.update(buffer, 0, n);
          deflated.write(buffer, 0, n);
          size += n;
        }
        deflated.finish();
      } finally {
        deflater.end();
      }
    }
    return new Measured(crc.getValue(), size, sink.count);
  }

  /** Deflates {@code in} into {@code out}, leaving {@code out} open. */
  private static void deflate(InputStream in, OutputStream out) throws IOException {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 8192);
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) > 0; ) {
        deflated.write(buffer, 0, n);
      }
      deflated.finish();
    } finally {
      deflater.end();
    }
  }

  /** Every regular file below {@code folder}, relative, {@code /}-separated, sorted. */
  static List<String> list(Path folder, Set<String> skip) throws IOException {
    List<String> files = new ArrayList<>();
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        if (attrs.isSymbolicLink()) {
          throw new IOException("symbolic link " + relative + " in " + folder + "; hosts drop links on install");
        }
        if (attrs.isRegularFile() && !skip.contains(relative)) {
          files.add(relative);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    return files;
  }

  /** Little-endian writes with a byte count. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    long count;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    void int16(int v) throws IOException {
      write(v & 0xFF);
      write((v >>> 8) & 0xFF);
    }

    void int32(long v) throws IOException {
      int16((int) (v & 0xFFFF));
      int16((int) ((v >>> 16) & 0xFFFF));
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
