/** The annotations that declare a Codex plugin bundle. */
module dev.codexplugin.api {
  exports dev.codexplugin.api;
}
