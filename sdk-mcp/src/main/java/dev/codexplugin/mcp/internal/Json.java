package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration of the MCP server, used for the protocol (through the SDK's
 * {@code JacksonMcpJsonMapper}), for binding arguments and for writing results. Decisions:
 *
 * <ul>
 *   <li>{@code java.time} and {@code Optional} through the jsr310 and jdk8 modules; dates and durations are
 *       ISO-8601 strings ({@code "2026-01-31"}, {@code "PT1H"}), never timestamps, and an offset or zone given
 *       by the client is kept (no adjustment to UTC).
 *   <li>Floating-point numbers are read as {@code BigDecimal} and trailing zeros are kept, so a
 *       {@code BigDecimal} argument arrives exactly as sent ({@code 0.10} stays {@code 0.10}); they are written
 *       plain ({@code 100}, not {@code 1E+2}).
 *   <li>Unknown properties do not fail binding: the input schema is the single authority on which properties
 *       are allowed ({@code additionalProperties: false}, checked before binding); a nested type whose schema
 *       allows more than the Java type holds ignores the rest.
 *   <li>Never pretty-printed: the stdio transport writes one message per line.
 * </ul>
 */
public final class Json {
  private Json() {}

  /** A new mapper with the configuration above. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
  }

  /**
   * The mapper for tool results: as {@code mapper}, but properties that are {@code null} or an empty
   * {@code Optional} are left out, so a record's absent optional component is an absent property (which an
   * output schema that does not require it accepts) rather than {@code null}.
   */
  public static ObjectMapper resultMapper(ObjectMapper mapper) {
    ObjectMapper copy = mapper.copy();
    copy.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS));
    return copy;
  }

  /** A reader of one complete JSON value per text: trailing content is an error, not ignored. */
  public static ObjectReader strictTreeReader(ObjectMapper mapper) {
    return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
