/**
 * The {@code codexplugin} command line. It reads and writes plugins only through the public API of
 * {@code dev.codexplugin.runtime}; its {@code --json} output is its own ({@code CliJson}).
 */
module dev.codexplugin.cli {
  requires dev.codexplugin.runtime;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  opens dev.codexplugin.cli to info.picocli;
}
