package dev.codexplugin.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Writes the Java expression that builds a type's {@link java.lang.reflect.Type} at run time without
 * reflection, with {@code dev.codexplugin.mcp.Types}: {@code String.class},
 * {@code Types.parameterized(List.class, String.class)}, {@code Types.arrayOf(...)} for arrays of generic
 * types, {@code Types.subtypeOf(Item.class)} for {@code ? extends Item}. The result equals what
 * {@link java.lang.reflect.Method#getGenericParameterTypes()} returns for the same declaration. Type annotations
 * are left out.
 */
final class ReflectTypeCode {
  /** {@code dev.codexplugin.mcp.Types}, named without depending on {@code sdk-mcp}. */
  static final ClassName TYPES = ClassName.get("dev.codexplugin.mcp", "Types");

  private ReflectTypeCode() {}

  /**
   * The expression for {@code type}.
   *
   * @throws IllegalArgumentException for types that have no such expression (type variables, {@code ? super}
   *     wildcards, intersections); the schema generator reports those before anyone asks
   */
  static CodeBlock of(TypeMirror type) {
    if (!isGeneric(type)) {
      return CodeBlock.of("$T.class", erasedName(type));
    }
    switch (type.getKind()) {
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        CodeBlock.Builder code = CodeBlock.builder()
            .add("$T.parameterized($T.class", TYPES, ClassName.get((TypeElement) declared.asElement()));
        for (TypeMirror argument : declared.getTypeArguments()) {
          code.add(", ").add(of(argument));
        }
        return code.add(")").build();
      }
      case ARRAY:
        return CodeBlock.of("$T.arrayOf($L)", TYPES, of(((ArrayType) type).getComponentType()));
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getSuperBound() != null) {
          throw new IllegalArgumentException("no Types expression for " + type);
        }
        TypeMirror bound = wildcard.getExtendsBound();
        return CodeBlock.of("$T.subtypeOf($L)", TYPES,
            bound == null ? CodeBlock.of("$T.class", Object.class) : of(bound));
      }
      default:
        throw new IllegalArgumentException("no Types expression for " + type);
    }
  }

  /**
   * {@link #of} as source text with qualified names, appended to {@code out}: the dispatcher is written without
   * JavaPoet.
   *
   * @throws IllegalArgumentException as {@link #of} does
   */
  static void text(TypeMirror type, StringBuilder out) {
    if (!isGeneric(type)) {
      erasedText(type, out);
      out.append(".class");
      return;
    }
    switch (type.getKind()) {
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        out.append(TYPES.canonicalName()).append(".parameterized(")
            .append(((TypeElement) declared.asElement()).getQualifiedName()).append(".class");
        for (TypeMirror argument : declared.getTypeArguments()) {
          text(argument, out.append(", "));
        }
        out.append(')');
        return;
      }
      case ARRAY:
        text(((ArrayType) type).getComponentType(), out.append(TYPES.canonicalName()).append(".arrayOf("));
        out.append(')');
        return;
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getSuperBound() != null) {
          throw new IllegalArgumentException("no Types expression for " + type);
        }
        TypeMirror bound = wildcard.getExtendsBound();
        out.append(TYPES.canonicalName()).append(".subtypeOf(");
        if (bound == null) {
          out.append("java.lang.Object.class");
        } else {
          text(bound, out);
        }
        out.append(')');
        return;
      }
      default:
        throw new IllegalArgumentException("no Types expression for " + type);
    }
  }

  private static void erasedText(TypeMirror type, StringBuilder out) {
    switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID ->
          out.append(type.getKind().name().toLowerCase(java.util.Locale.ROOT));
      case ARRAY -> {
        erasedText(((ArrayType) type).getComponentType(), out);
        out.append("[]");
      }
      case DECLARED -> out.append(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName());
      default -> throw new IllegalArgumentException("no Types expression for " + type);
    }
  }

  /** Whether reflection would represent {@code type} by something other than a {@code Class}. */
  private static boolean isGeneric(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        return !((DeclaredType) type).getTypeArguments().isEmpty();
      case ARRAY:
        return isGeneric(((ArrayType) type).getComponentType());
      case WILDCARD:
      case TYPEVAR:
      case INTERSECTION:
      case UNION:
        return true;
      default:
        return false;
    }
  }

  private static TypeName erasedName(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN: return TypeName.BOOLEAN;
      case BYTE: return TypeName.BYTE;
      case SHORT: return TypeName.SHORT;
      case INT: return TypeName.INT;
      case LONG: return TypeName.LONG;
      case CHAR: return TypeName.CHAR;
      case FLOAT: return TypeName.FLOAT;
      case DOUBLE: return TypeName.DOUBLE;
      case VOID: return TypeName.VOID;
      case ARRAY: return ArrayTypeName.of(erasedName(((ArrayType) type).getComponentType()));
      case DECLARED: return ClassName.get((TypeElement) ((DeclaredType) type).asElement());
      default: throw new IllegalArgumentException("no Types expression for " + type);
    }
  }
}
