package dev.codexplugin.mcp;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Forwarder to test-support's {@link dev.codexplugin.testing.JsonRpcLines} for SpecDeparturesTest, which uses
 * the class from this package and is being moved on another branch: delete this once it imports the shared one.
 */
final class JsonRpcLines extends dev.codexplugin.testing.JsonRpcLines {
  JsonRpcLines(OutputStream toServer, InputStream fromServer) {
    super(toServer, fromServer);
  }
}
