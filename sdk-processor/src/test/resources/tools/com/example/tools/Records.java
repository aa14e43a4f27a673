package com.example.tools;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.codexplugin.api.McpTool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Records, POJOs, generics, recursion and $defs name collisions. */
public class Records {
  /**
   * A postal address.
   *
   * @param street the street and number
   * @param zip the postal code
   * @param note shown to the courier
   * @param internal never in JSON
   */
  public record Address(String street, @JsonProperty("zip_code") String zip, Optional<String> note,
      @JsonIgnore String internal) {}

  public record Customer(
      @JsonPropertyDescription("the full name") String name,
      Address billing,
      List<Address> shipping,
      @Nullable String nickname,
      @Nullable @JsonProperty(required = true) String phone,
      @JsonProperty(access = JsonProperty.Access.READ_ONLY) long id) {}

  /** A POJO: fields and JavaBean properties. */
  public static class Settings {
    /** How often to try. */
    public int retries;
    public static int ignoredStatic;
    public transient int ignoredTransient;
    private String mode;
    private boolean verbose;
    @JsonProperty("label") private String name;
    @jakarta.validation.constraints.NotNull private String owner;
    private String secret;

    public String getMode() {
      return mode;
    }

    public void setMode(String mode) {
      this.mode = mode;
    }

    public boolean isVerbose() {
      return verbose;
    }

    public void setVerbose(boolean verbose) {
      this.verbose = verbose;
    }

    public String getOwner() {
      return owner;
    }

    public void setOwner(String owner) {
      this.owner = owner;
    }

    /** @return the URL of the dashboard */
    public String getURL() {
      return "";
    }

    @JsonIgnore
    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }
  }

  public record Page<T>(List<T> items, int total, Optional<String> next) {}

  public record User(String name) {}

  public record Order(long id, User buyer) {}

  public record TreeNode(String label, List<TreeNode> children) {}

  public record Pair<A, B>(A first, B second) {}

  @McpTool(description = "records with Jackson annotations and Javadoc")
  public void customer(Customer customer, Address address) {}

  @McpTool(description = "a POJO in", structuredOutput = true)
  public Settings settings(Settings settings) {
    return settings;
  }

  @McpTool(description = "generics resolved per use")
  public void pages(Page<User> users, Page<Order> orders, Page<Page<User>> nested, Pair<String, List<User>> pair,
      Map<String, Page<User>> byName) {}

  @McpTool(description = "recursion ends with $ref", structuredOutput = true)
  public TreeNode tree(TreeNode root) {
    return root;
  }

  @McpTool(description = "simple names that collide use qualified names")
  public void collide(com.example.tools.a.User first, com.example.tools.b.User second, User third) {}

  @McpTool(description = "a record result is the root object", structuredOutput = true)
  public Customer lookup(String name) {
    return null;
  }

  @McpTool(description = "a generic record result", structuredOutput = true)
  public Page<User> users(int page) {
    return null;
  }
}
