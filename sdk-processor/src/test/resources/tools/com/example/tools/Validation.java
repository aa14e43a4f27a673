package com.example.tools;

import dev.codexplugin.api.McpTool;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bean Validation constraints, jakarta and javax, as schema keywords. */
public class Validation {
  public record Signup(
      @NotBlank @Size(max = 40) String name,
      @Email String email,
      @Pattern(regexp = "[a-z]{3,8}") String handle,
      @Min(13) @Max(130) int age,
      @Size(min = 1, max = 5) List<@NotBlank String> tags,
      Optional<@Size(max = 10) String> motto) {}

  public static class Filter {
    @NotNull public String field;
    @NotEmpty public List<String> values;
    public String comment;
  }

  @McpTool(description = "jakarta constraints", structuredOutput = true)
  public Signup signup(Signup signup, Filter filter,
      @NotBlank String query,
      @Size(min = 2, max = 3) String code,
      @Min(1) @Max(50) int limit,
      @Min(-5) byte offset,
      @DecimalMin(value = "0.5", inclusive = false) @DecimalMax("99.5") BigDecimal price,
      @Positive int positive, @PositiveOrZero long zeroOrMore, @Negative double negative,
      @NegativeOrZero Integer zeroOrLess,
      @NotEmpty Map<String, String> labels,
      @Size(max = 2) Map<String, Integer> small,
      @NotEmpty @Size(max = 3) List<@Email String> recipients) {
    return signup;
  }

  @McpTool(description = "javax constraints")
  public void legacy(@javax.validation.constraints.NotNull String name,
      @javax.validation.constraints.Size(min = 3) String code,
      @javax.validation.constraints.Min(0) @javax.validation.constraints.Max(9) int digit,
      @javax.validation.constraints.Pattern(regexp = "^\\d+$") String number) {}
}
