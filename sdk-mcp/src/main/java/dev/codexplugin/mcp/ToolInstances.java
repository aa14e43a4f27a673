package dev.codexplugin.mcp;

import java.util.Objects;
import java.util.function.Supplier;

/** Creates each tool class once, on first use; the generated code wraps every instance supplier in it. */
public final class ToolInstances {
  private ToolInstances() {}

  /** A supplier that calls {@code create} once, on first {@code get()}, and then returns the same instance. */
  public static <T> Supplier<T> lazy(Supplier<? extends T> create) {
    Objects.requireNonNull(create, "create");
    return new Supplier<>() {
      private volatile T instance;

      @Override
      public T get() {
        T value = instance;
        if (value == null) {
          synchronized (this) {
            value = instance;
            if (value == null) {
              value = Objects.requireNonNull(create.get(), "the tool factory returned null");
              instance = value;
            }
          }
        }
        return value;
      }
    };
  }
}
