package dev.codexplugin.runtime.internal;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.ExportFixtures;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.format.BundleIndex;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export memory is bounded: a jar holding several bundle files as large as the loader allows (60 MiB each) and a
 * 300 MB library jar export and zip in a JVM with {@code -Xmx256m}; nothing holds a whole file.
 */
class ExportBigFilesTest {
  static final int BIG_ENTRIES = 4;
  static final long BIG_ENTRY = 60L << 20; // below ExportEngine.MAX_COPY_BYTES
  static final long BIG_LIBRARY = 300_000_000L;

  @TempDir Path tmp;

  /** Run in the forked JVM: {@code <jar> <lib> <out> <zip>}. */
  public static void main(String[] args) throws Exception {
    MarketplaceExport.builder().marketplaceName("big-tools").addJar(Path.of(args[0]), List.of(Path.of(args[1])))
        .build().exportTo(Path.of(args[2]), Path.of(args[3]));
    System.out.println("exported");
  }

  /** A jar with a Java-tools bundle (so it gets lib/) and {@link #BIG_ENTRIES} entries of zeros, streamed. */
  static Path bigJar(Path file) throws Exception {
    PluginBundle tools = ExportFixtures.tools("big-plugin", "versions");
    SortedMap<String, byte[]> small = ExportFixtures.files(tools);
    List<String> names = new ArrayList<>(small.keySet());
    for (int i = 0; i < BIG_ENTRIES; i++) {
      names.add("assets/big-" + i + ".bin");
    }
    names.sort(null);
    BundleIndex.Entry entry = new BundleIndex.Entry("big-plugin", "1.0.0", names);
    byte[] zeros = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(BundleIndex.RESOURCE));
      zip.write(BundleIndex.write(List.of(entry)));
      for (Map.Entry<String, byte[]> e : small.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.root() + e.getKey()));
        zip.write(e.getValue());
      }
      for (int i = 0; i < BIG_ENTRIES; i++) {
        zip.putNextEntry(new ZipEntry(entry.root() + "assets/big-" + i + ".bin"));
        for (long written = 0; written < BIG_ENTRY; written += zeros.length) {
          zip.write(zeros);
        }
      }
    }
    return file;
  }

  @Test
  void exportsAndZipsLargeFilesWithin256MegabytesOfHeap() throws Exception {
    Path jar = bigJar(tmp.resolve("big.jar"));
    Path lib = tmp.resolve("huge-lib.jar");
    try (RandomAccessFile f = new RandomAccessFile(lib.toFile(), "rw")) {
      f.setLength(BIG_LIBRARY); // sparse zeros: the library jar is copied, not read as a jar
    }
    Path out = tmp.resolve("out/big-tools");
    Path zip = tmp.resolve("out/big-tools.zip");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), ExportBigFilesTest.class.getName(),
        jar.toString(), lib.toString(), out.toString(), zip.toString())
        .redirectErrorStream(true);
    Process p = pb.start();
    String output;
    try (var in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(output).contains("exported");
    assertThat(p.exitValue()).isEqualTo(0);

    assertThat(Files.size(out.resolve("plugins/big-plugin/lib/huge-lib.jar"))).isEqualTo(BIG_LIBRARY);
    assertThat(Files.size(out.resolve("plugins/big-plugin/assets/big-0.bin"))).isEqualTo(BIG_ENTRY);
    // the zip is valid: every entry's bytes match its CRC and size
    try (ZipFile z = new ZipFile(zip.toFile())) {
      int checked = 0;
      byte[] buffer = new byte[1 << 16];
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry ze = e.nextElement();
        if (!ze.getName().contains("/assets/big-") && !ze.getName().endsWith("huge-lib.jar")) {
          continue;
        }
        CRC32 crc = new CRC32();
        long size = 0;
        try (var in = z.getInputStream(ze)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            crc.update(buffer, 0, n);
            size += n;
          }
        }
        assertThat(size).isEqualTo(ze.getSize());
        assertThat(crc.getValue()).isEqualTo(ze.getCrc());
        checked++;
      }
      assertThat(checked).isEqualTo(BIG_ENTRIES + 1);
    }
  }

  /** The streamed zip is byte for byte what deflating each file whole gives (the output did not change). */
  @Test
  void streamingGivesTheSameBytesAsDeflatingWhole() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("f/sub"));
    byte[] text = "The quick brown fox jumps over the lazy dog.\n".repeat(40_000).getBytes(StandardCharsets.UTF_8);
    byte[] noise = new byte[300_000];
    new java.util.Random(7).nextBytes(noise);
    Files.write(folder.resolve("text.txt"), text);
    Files.write(folder.resolve("noise.bin"), noise);
    Path zip = tmp.resolve("f.zip");
    DeterministicZip.write(tmp.resolve("f"), "f", java.util.Set.of(), zip);
    Map<String, byte[]> expected = new TreeMap<>(Map.of("f/sub/text.txt", text, "f/sub/noise.bin", noise));
    byte[] all = Files.readAllBytes(zip);
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (var out = new java.util.zip.DeflaterOutputStream(bytes, d, 8192)) {
        out.write(e.getValue());
      }
      d.end();
      byte[] deflated = bytes.toByteArray();
      byte[] body = deflated.length >= e.getValue().length ? e.getValue() : deflated;
      assertThat(indexOf(all, body)).isAtLeast(0);
    }
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertThat(z.getInputStream(z.getEntry("f/sub/text.txt")).readAllBytes()).isEqualTo(text);
      assertThat(z.getInputStream(z.getEntry("f/sub/noise.bin")).readAllBytes()).isEqualTo(noise);
      assertThat(z.getEntry("f/sub/noise.bin").getMethod()).isEqualTo(ZipEntry.STORED);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
