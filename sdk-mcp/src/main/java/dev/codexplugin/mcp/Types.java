package dev.codexplugin.mcp;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds generic {@link Type}s without reflection, so generated code can name a parameter's full type
 * ({@code List<Map<String, Integer>>}) for binding: {@code Types.parameterized(List.class,
 * Types.parameterized(Map.class, String.class, Integer.class))}.
 */
public final class Types {
  private Types() {}

  /** {@code raw<arguments...>}. */
  public static Type parameterized(Class<?> raw, Type... arguments) {
    return new Parameterized(raw, arguments.clone());
  }

  /** {@code component[]}. */
  public static Type arrayOf(Type component) {
    return new Array(component);
  }

  /** {@code ? extends bound}. */
  public static Type subtypeOf(Type bound) {
    return new Wildcard(new Type[] {bound}, new Type[0]);
  }

  private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType p && raw.equals(p.getRawType())
          && Objects.equals(getOwnerType(), p.getOwnerType())
          && Arrays.equals(arguments, p.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ raw.hashCode() ^ Objects.hashCode(getOwnerType());
    }

    @Override
    public String toString() {
      return raw.getTypeName() + Arrays.stream(arguments).map(Type::getTypeName)
          .collect(Collectors.joining(", ", "<", ">"));
    }
  }

  private record Array(Type component) implements GenericArrayType {
    @Override
    public Type getGenericComponentType() {
      return component;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GenericArrayType a && component.equals(a.getGenericComponentType());
    }

    @Override
    public int hashCode() {
      return component.hashCode();
    }

    @Override
    public String toString() {
      return component.getTypeName() + "[]";
    }
  }

  private record Wildcard(Type[] upper, Type[] lower) implements WildcardType {
    @Override
    public Type[] getUpperBounds() {
      return upper.clone();
    }

    @Override
    public Type[] getLowerBounds() {
      return lower.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WildcardType w && Arrays.equals(upper, w.getUpperBounds())
          && Arrays.equals(lower, w.getLowerBounds());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(upper) ^ Arrays.hashCode(lower);
    }

    @Override
    public String toString() {
      return "? extends " + upper[0].getTypeName();
    }
  }
}
