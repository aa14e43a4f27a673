package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading helpers shared by the bundle sources. */
final class Sources {
  private Sources() {}

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
}
