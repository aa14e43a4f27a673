package dev.codexplugin.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.codexplugin.packages.Declaration;
import dev.codexplugin.packages.Lock;
import dev.codexplugin.packages.PackageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * The package manager's readers of {@code codexplugin.json} ({@link Declaration#read}) and
 * {@code codexplugin-lock.json} ({@link Lock#read}) on fuzzed bytes: {@link PackageException} is the documented
 * answer to bad input; anything else that escapes is a finding. What reads back is written and read again, and
 * must come back equal. Seeds: {@code PackageFilesFuzzTestInputs/<method>/}.
 */
class PackageFilesFuzzTest {
  /** One folder per JVM, its file overwritten by each input. */
  private static final Path FOLDER = Folders.create("fuzz-packages");

  static {
    Inputs.warmUp(() -> {
      declaration("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      lock("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    });
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void declaration(FuzzedDataProvider data) throws Exception {
    declaration(data.consumeRemainingAsBytes());
  }

  private static void declaration(byte[] input) throws Exception {
    Path folder = FOLDER;
    Path file = folder.resolve(Declaration.FILE);
    Folders.write(file, input);
    Declaration read;
    try {
      read = Declaration.read(file);
    } catch (PackageException expected) {
      return;
    }
    Folders.write(file, read.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Declaration again = Declaration.read(file);
    if (!again.equals(read)) {
      throw new AssertionError("a declaration does not read back as written: " + read + " vs " + again);
    }
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void lock(FuzzedDataProvider data) throws Exception {
    lock(data.consumeRemainingAsBytes());
  }

  private static void lock(byte[] input) throws Exception {
    Path folder = FOLDER;
    Path file = folder.resolve(Lock.FILE);
    Folders.write(file, input);
    Lock read;
    try {
      read = Lock.read(file).orElseThrow(() -> new AssertionError("an existing lock file read as absent"));
    } catch (PackageException expected) {
      return;
    }
    Folders.write(file, read.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Lock again = Lock.read(file).orElseThrow();
    if (!again.equals(read)) {
      throw new AssertionError("a lock does not read back as written: " + read + " vs " + again);
    }
  }
}
