package com.acme.it;

/** Stands in for the generated MCP server main class. */
public final class ToolsMain {
  private ToolsMain() {}

  public static void main(String[] args) {
    System.out.println("tools");
  }
}
