/**
 * The {@code codexplugin} command line. It reads and writes plugins only through the public API of
 * {@code dev.codexplugin.runtime} and installs them only through that of {@code dev.codexplugin.packages}; its
 * {@code --json} output is its own ({@code CliJson}).
 */
module dev.codexplugin.cli {
  requires dev.codexplugin.runtime;
  requires dev.codexplugin.packages;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  opens dev.codexplugin.cli to info.picocli;
}
