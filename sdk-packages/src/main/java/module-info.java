/**
 * The package manager: a team declares its plugins once ({@code codexplugin.json}), locks exact versions and
 * hashes ({@code codexplugin-lock.json}), and installs exactly those into Codex and Claude Code. Artifacts come
 * from Maven repositories through Maven Resolver. Only {@code dev.codexplugin.packages} is API.
 */
module dev.codexplugin.packages {
  requires transitive dev.codexplugin.runtime;
  requires com.fasterxml.jackson.databind;
  requires transitive org.apache.maven.resolver;
  requires org.apache.maven.resolver.util;
  requires org.apache.maven.resolver.supplier;
  requires org.apache.maven.v3.settings;
  requires org.apache.maven.v3.settings.builder;

  exports dev.codexplugin.packages;
}
