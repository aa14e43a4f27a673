package dev.codexplugin.processor;

import dev.codexplugin.api.McpServer;
import dev.codexplugin.runtime.format.Text;
import java.util.List;
import java.util.Optional;

/** {@link McpServer @McpServer}, read. */
final class McpServerPrism extends Prism<McpServerPrism.Attr> {
  static final String ANNOTATION = McpServer.class.getCanonicalName();
  /** The container of the repeated annotation. */
  static final String CONTAINER = McpServer.List.class.getCanonicalName();

  /** The attributes of {@code @McpServer}. */
  enum Attr implements Prism.Attribute {
    NAME, DESCRIPTION, COMMAND, ARGS, ENV, ENV_VARS, CWD, URL, BEARER_TOKEN_ENV_VAR, HTTP_HEADERS,
    ENV_HTTP_HEADERS, ENABLED, REQUIRED, STARTUP_TIMEOUT_SEC, TOOL_TIMEOUT_SEC, ENABLED_TOOLS, DISABLED_TOOLS,
    REQUIREMENTS
  }

  McpServerPrism(AnnotationReader reader) {
    super(reader);
  }

  @Override
  String title() {
    return label() + " " + Text.quote(name());
  }

  String name() {
    return string(Attr.NAME);
  }

  String description() {
    return string(Attr.DESCRIPTION);
  }

  String command() {
    return string(Attr.COMMAND);
  }

  List<String> args() {
    return strings(Attr.ARGS);
  }

  /** {@code NAME=value} entries, as written. */
  List<String> env() {
    return strings(Attr.ENV);
  }

  List<String> envVars() {
    return strings(Attr.ENV_VARS);
  }

  String cwd() {
    return string(Attr.CWD);
  }

  String url() {
    return string(Attr.URL);
  }

  String bearerTokenEnvVar() {
    return string(Attr.BEARER_TOKEN_ENV_VAR);
  }

  /** {@code Name=value} entries, as written. */
  List<String> httpHeaders() {
    return strings(Attr.HTTP_HEADERS);
  }

  /** {@code Name=VARIABLE} entries, as written. */
  List<String> envHttpHeaders() {
    return strings(Attr.ENV_HTTP_HEADERS);
  }

  Optional<Boolean> enabled() {
    return tri(Attr.ENABLED);
  }

  Optional<Boolean> required() {
    return tri(Attr.REQUIRED);
  }

  /** Seconds; 0 means the host's default. */
  int startupTimeoutSec() {
    return integer(Attr.STARTUP_TIMEOUT_SEC);
  }

  /** Seconds; 0 means the host's default. */
  int toolTimeoutSec() {
    return integer(Attr.TOOL_TIMEOUT_SEC);
  }

  List<String> enabledTools() {
    return strings(Attr.ENABLED_TOOLS);
  }

  List<String> disabledTools() {
    return strings(Attr.DISABLED_TOOLS);
  }

  List<String> requirements() {
    return strings(Attr.REQUIREMENTS);
  }
}
