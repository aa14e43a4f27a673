package dev.codexplugin.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Sources of the Bean Validation and {@code @Nullable} annotations the test tools use, with the real
 * declarations' targets, retention and attributes. They are compiled with the tools, and the processor reads
 * them by name, exactly as it reads the real ones: this also shows it needs neither library on its path.
 */
final class AnnotationStubs {
  private static final String COMMON = "String message() default \"\"; Class<?>[] groups() default {};"
      + " Class<?>[] payload() default {};";
  private static final String TARGETS = "@java.lang.annotation.Target({java.lang.annotation.ElementType.METHOD,"
      + " java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.ANNOTATION_TYPE,"
      + " java.lang.annotation.ElementType.CONSTRUCTOR, java.lang.annotation.ElementType.PARAMETER,"
      + " java.lang.annotation.ElementType.TYPE_USE})"
      + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)";

  private static final Map<String, String> CONSTRAINTS = Map.ofEntries(
      Map.entry("NotNull", ""),
      Map.entry("NotBlank", ""),
      Map.entry("NotEmpty", ""),
      Map.entry("Positive", ""),
      Map.entry("PositiveOrZero", ""),
      Map.entry("Negative", ""),
      Map.entry("NegativeOrZero", ""),
      Map.entry("Email", "String regexp() default \".*\";"),
      Map.entry("Size", "int min() default 0; int max() default Integer.MAX_VALUE;"),
      Map.entry("Min", "long value();"),
      Map.entry("Max", "long value();"),
      Map.entry("DecimalMin", "String value(); boolean inclusive() default true;"),
      Map.entry("DecimalMax", "String value(); boolean inclusive() default true;"),
      Map.entry("Pattern", "String regexp(); Flag[] flags() default {}; enum Flag { CASE_INSENSITIVE }"));

  private AnnotationStubs() {}

  static List<JavaFileObject> all() {
    List<JavaFileObject> out = new ArrayList<>();
    for (String pkg : List.of("jakarta.validation.constraints", "javax.validation.constraints")) {
      CONSTRAINTS.forEach((name, attributes) -> out.add(JavaFileObjects.forSourceString(pkg + "." + name,
          "package " + pkg + "; " + TARGETS + " public @interface " + name + " { " + COMMON + " " + attributes
              + " }")));
    }
    out.add(JavaFileObjects.forSourceString("org.jspecify.annotations.Nullable",
        "package org.jspecify.annotations; @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)"
            + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
            + " public @interface Nullable {}"));
    out.add(JavaFileObjects.forSourceString("javax.annotation.Nullable",
        "package javax.annotation; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
            + " public @interface Nullable {}"));
    return out;
  }
}
