package dev.codexplugin.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** SHA-256 of bytes and files, as lower-case hex. */
final class Hashes {
  private Hashes() {}

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The content hash of an installed tree: SHA-256 over its entries in path order, each its relative path, kind
   * and, for a regular file, its executable bit and SHA-256, for a symbolic link its target. Empty when
   * {@code tree} is not a folder.
   */
  static Optional<String> tree(Path tree) throws IOException {
    if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    List<String[]> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path p : walk.filter(p -> !p.equals(tree)).toList()) {
        entries.add(new String[] {tree.relativize(p).toString().replace(java.io.File.separatorChar, '/'),
            p.toString()});
      }
    }
    entries.sort((a, b) -> a[0].compareTo(b[0]));
    MessageDigest md = digest();
    for (String[] e : entries) {
      Path p = Path.of(e[1]);
      String line;
      if (Files.isSymbolicLink(p)) {
        line = "l " + e[0] + " " + Files.readSymbolicLink(p);
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        line = "d " + e[0];
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        line = "f " + e[0] + " " + (Files.isExecutable(p) ? "x " : "- ") + sha256(p);
      } else {
        line = "o " + e[0];
      }
      md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return Optional.of(HexFormat.of().formatHex(md.digest()));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
