package dev.codexplugin.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password of a {@link RepositoryServer}, as a Maven {@code settings.xml} {@code <server>} holds
 * them.
 *
 * @param username the user name
 * @param password the password, in clear text (test credentials only)
 */
public record Credentials(String username, String password) {
  /** Checks that both parts are present and that the name can be sent in HTTP Basic authentication. */
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isEmpty() || username.contains(":")) {
      throw new IllegalArgumentException("a user name must be non-empty and have no ':'; found \"" + username + "\"");
    }
  }

  /** The value of an {@code Authorization} header that sends these credentials: {@code Basic <base64>}. */
  public String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Shows the user name only. */
  @Override
  public String toString() {
    return "Credentials[" + username + ", password hidden]";
  }
}
