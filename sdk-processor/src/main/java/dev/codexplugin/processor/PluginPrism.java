package dev.codexplugin.processor;

import dev.codexplugin.api.Plugin;
import dev.codexplugin.runtime.format.Text;
import java.util.List;

/** {@link Plugin @Plugin}, read. */
final class PluginPrism extends Prism<PluginPrism.Attr> {
  static final String ANNOTATION = Plugin.class.getCanonicalName();

  /** The attributes of {@code @Plugin}. */
  enum Attr implements Prism.Attribute {
    NAME, VERSION, DESCRIPTION, AUTHOR, HOMEPAGE, REPOSITORY, LICENSE, KEYWORDS, UI, LOCAL_SKILLS, MCP_CONFIG,
    TOOL_SERVER, APP_CONFIG, FILES
  }

  PluginPrism(AnnotationReader reader) {
    super(reader);
  }

  /** {@code @Plugin "team"}. */
  @Override
  String title() {
    return label() + " " + Text.quote(name());
  }

  String name() {
    return string(Attr.NAME);
  }

  /** The version as written; empty means the processor option. */
  String version() {
    return string(Attr.VERSION);
  }

  String description() {
    return string(Attr.DESCRIPTION);
  }

  AuthorPrism author() {
    return new AuthorPrism(nested(Attr.AUTHOR));
  }

  String homepage() {
    return string(Attr.HOMEPAGE);
  }

  String repository() {
    return string(Attr.REPOSITORY);
  }

  String license() {
    return string(Attr.LICENSE);
  }

  List<String> keywords() {
    return strings(Attr.KEYWORDS);
  }

  PluginInterfacePrism ui() {
    return new PluginInterfacePrism(nested(Attr.UI));
  }

  /** The resource folder of hand-written skills, or empty. */
  String localSkills() {
    return string(Attr.LOCAL_SKILLS);
  }

  /** The existing {@code .mcp.json} resource, or empty. */
  String mcpConfig() {
    return string(Attr.MCP_CONFIG);
  }

  /** The name of the server of the plugin's {@code @McpTool} methods; empty means the plugin name. */
  String toolServer() {
    return string(Attr.TOOL_SERVER);
  }

  /** The existing {@code .app.json} resource, or empty. */
  String appConfig() {
    return string(Attr.APP_CONFIG);
  }

  /** The resource folder whose files the bundle ships as they are, or empty. */
  String files() {
    return string(Attr.FILES);
  }
}
