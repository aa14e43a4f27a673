package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Reading helpers shared by the bundle sources. */
final class Sources {
  private Sources() {}

  /**
   * Reports a file {@link GuardedFiles} refused to open on {@code path}: a link or {@code ..} leading out and a
   * loop as {@link FindingCode#UNSAFE_PATH}, a FIFO, device or socket as {@link FindingCode#UNSAFE_PATH}, a
   * missing file as {@link FindingCode#MISSING_FILE}, a file over the cap as {@link FindingCode#TOO_LARGE}.
   */
  static void refused(GuardedFiles.RefusedException e, String path, long maxBytes, ReadContext context) {
    switch (e.refusal()) {
      case OUTSIDE, LOOP -> context.problem(FindingCode.UNSAFE_PATH, path, "").found(e.refusal().found())
          .fix("keep every file inside the bundle folder; a symbolic link must not point outside it").report();
      case SPECIAL -> context.problem(FindingCode.UNSAFE_PATH, path, "").found(e.refusal().found())
          .fix("replace it by a regular file").report();
      case TOO_LARGE -> context.problem(FindingCode.TOO_LARGE, path, "").arg("limit", maxBytes + " bytes")
          .found("more than " + maxBytes + " bytes").fix("shorten it").report();
      case MISSING, WRONG_KIND -> context.problem(FindingCode.MISSING_FILE, path, "").found(e.refusal().found())
          .fix("the bundle lists it but does not hold it as a regular file; rebuild it").report();
    }
  }

  /** Opens a bundle's file through {@link GuardedFiles} (or the source's own guard). */
  interface Opener {
    InputStream open(String path, long maxBytes) throws IOException;
  }

  /**
   * Copies {@code path} as {@code opener} opens it to a new file {@code target} (see {@link #copyCapped}); a file
   * the guard refuses is reported ({@link #refused}) and nothing is written.
   */
  static boolean copyGuarded(Opener opener, String path, Path target, long maxBytes, ReadContext context)
      throws IOException {
    InputStream in;
    try {
      in = opener.open(path, maxBytes);
    } catch (GuardedFiles.RefusedException e) {
      refused(e, path, maxBytes, context);
      return false;
    }
    try (in) {
      return copyCapped(in, target, path, maxBytes, context);
    }
  }

  /** Reads at most {@code maxBytes}; a longer file is reported as {@link FindingCode#TOO_LARGE}. */
  static Optional<byte[]> readCapped(InputStream in, String path, int maxBytes, ReadContext context)
      throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      context.problem(FindingCode.TOO_LARGE, path, "").arg("limit", maxBytes + " bytes")
          .found("more than " + maxBytes + " bytes").fix("shorten it").report();
      return Optional.empty();
    }
    return Optional.of(bytes);
  }

  /**
   * Copies at most {@code maxBytes} of {@code in} to a new file {@code target}, in chunks: nothing larger than a
   * buffer is ever held. A longer file is reported as {@link FindingCode#TOO_LARGE} and the partial copy deleted.
   */
  static boolean copyCapped(InputStream in, Path target, String path, long maxBytes, ReadContext context)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    boolean ok = true;
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          ok = false;
          break;
        }
        out.write(buffer, 0, n);
      }
    }
    if (!ok) {
      Files.deleteIfExists(target);
      context.problem(FindingCode.TOO_LARGE, path, "").arg("limit", maxBytes + " bytes")
          .found("more than " + maxBytes + " bytes").fix("shorten it").report();
    }
    return ok;
  }
}
