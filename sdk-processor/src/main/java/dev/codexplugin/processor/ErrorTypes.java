package dev.codexplugin.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds types javac could not resolve in the signatures of a compilation's types (a superclass, a field, a
 * parameter). javac reports such a missing type only after annotation processing, because a processor might
 * still generate it; when it is still missing in the last round the compilation will fail, and the processor
 * must not write a bundle.
 */
final class ErrorTypes {
  private ErrorTypes() {}

  /** Whether {@code type}, its members or nested types mention a type javac could not resolve. */
  static boolean in(TypeElement type) {
    if (erroneous(type.getSuperclass()) || any(type.getInterfaces()) || inBounds(type.getTypeParameters())) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement nested && in(nested)) {
        return true;
      }
      if (member instanceof VariableElement field && erroneous(field.asType())) {
        return true;
      }
      if (member instanceof ExecutableElement method) {
        if (erroneous(method.getReturnType()) || any(method.getThrownTypes())
            || inBounds(method.getTypeParameters())) {
          return true;
        }
        for (VariableElement parameter : method.getParameters()) {
          if (erroneous(parameter.asType())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean inBounds(List<? extends TypeParameterElement> parameters) {
    for (TypeParameterElement parameter : parameters) {
      if (any(parameter.getBounds())) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(List<? extends TypeMirror> types) {
    for (TypeMirror type : types) {
      if (erroneous(type)) {
        return true;
      }
    }
    return false;
  }

  /** Type variables are not followed (their bounds are checked where they are declared). */
  static boolean erroneous(TypeMirror type) {
    if (type == null) {
      return false;
    }
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return any(declared.getTypeArguments());
    }
    if (type instanceof ArrayType array) {
      return erroneous(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return erroneous(wildcard.getExtendsBound()) || erroneous(wildcard.getSuperBound());
    }
    return false;
  }
}
