package dev.codexplugin.bench;

/** The start-up floor: a JVM that prints one line and exits. */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) {
    System.out.println("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}");
  }
}
