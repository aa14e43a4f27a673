package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading helpers shared by the bundle sources. */
final class Sources {
  private Sources() {}

  /** Reads at most {@code maxBytes}; a longer file is reported as {@link FindingCode#TOO_LARGE}. */
  static Optional<byte[]> readCapped(InputStream in, String path, int maxBytes, Report report, boolean hostFatal)
      throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      Report.Problem p = report.problem(FindingCode.TOO_LARGE, path, "")
          .found("(more than " + maxBytes + " bytes)")
          .rule("must be at most " + maxBytes + " bytes").fix("shorten it");
      (hostFatal ? p.hostFatal() : p).report();
      return Optional.empty();
    }
    return Optional.of(bytes);
  }
}
