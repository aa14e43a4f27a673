package dev.codexplugin.runtime;

import java.util.Optional;
import java.util.Objects;

/**
 * One command hook of {@code hooks/hooks.json}: what the host runs automatically on an event.
 *
 * @param event the event in PascalCase, e.g. {@code PreToolUse}
 * @param matcher a regular expression over tool names, or {@code ""} for all
 * @param command the shell command
 * @param timeoutSec {@code timeout} in seconds, when set
 * @param statusMessage {@code statusMessage}, or {@code ""}
 */
public record HookSpec(
    String event, String matcher, String command, Optional<Integer> timeoutSec, String statusMessage) {
  /** Normalizes {@code null} to empty values. */
  public HookSpec {
    event = Values.text(event);
    matcher = Values.text(matcher);
    command = Values.text(command);
    timeoutSec = Objects.requireNonNullElse(timeoutSec, Optional.empty());
    statusMessage = Values.text(statusMessage);
  }
}
