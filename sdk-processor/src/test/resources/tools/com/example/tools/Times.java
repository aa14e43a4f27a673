package com.example.tools;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.codexplugin.api.McpTool;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** java.time, UUID, URI and URL, on both sides. */
public class Times {
  public record Stamp(Instant instant, OffsetDateTime offsetDateTime, ZonedDateTime zonedDateTime, LocalDate date,
      LocalTime localTime, LocalDateTime localDateTime, OffsetTime offsetTime, Duration duration, UUID id,
      URI link, URL page) {}

  public record Formatted(@JsonFormat(pattern = "dd.MM.yyyy") LocalDate day, LocalDate iso) {}

  @McpTool(description = "@JsonFormat(pattern) on a member replaces the format; on a parameter Jackson ignores it")
  public void formatted(Formatted formatted, @JsonFormat(pattern = "dd.MM.yyyy") LocalDate parameter) {}

  @McpTool(description = "every value type with a format or pattern", structuredOutput = true)
  public Stamp stamp(Instant instant, OffsetDateTime offsetDateTime, ZonedDateTime zonedDateTime, LocalDate date,
      LocalTime localTime, LocalDateTime localDateTime, OffsetTime offsetTime, Duration duration, UUID id,
      URI link, URL page) {
    return null;
  }
}
