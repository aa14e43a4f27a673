package dev.codexplugin.processor;

import dev.codexplugin.runtime.FindingCode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that makes the processor emit {@code value} and pins it to its file and line.
 * {@link FindingCodeCoverageTest} checks that every code has one, or a reason why the processor cannot emit it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
  FindingCode[] value();
}
