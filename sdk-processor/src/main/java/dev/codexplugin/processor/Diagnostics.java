package dev.codexplugin.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.PackageTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.codexplugin.processor.AnnotationReader.Step;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.Context;
import dev.codexplugin.runtime.SafeText;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Prints findings as compiler diagnostics, each anchored on the most precise place known: the annotation
 * value, else the annotation, else the element. Every message is rendered by the runtime's one builder
 * ({@link Report.Problem}) in the shape the loader's messages have, with the annotation value as the subject:
 * {@code [codexplugin:BadColor] @PluginInterface brandColor must be a #RRGGBB hex color; found "red". Use six hex
 * digits, e.g. "#4F46E5".} The same message at the same place is printed once.
 *
 * <p>javac's {@link Messager} finds an annotation only among the ones an element carries directly, so a value
 * of a repeated annotation (inside its implicit container) would land on the element. Under javac the
 * position is therefore found in the source tree ({@link Trees}) by following the {@link Origin#steps()}; other
 * compilers get the {@link Messager} with element, annotation and value.
 */
final class Diagnostics {
  /** A message printed at a place, to print it once. */
  private record Printed(String message, Element element, List<Step> steps) {}

  private final Messager messager;
  private final Trees trees;
  private final Set<Printed> printed = new HashSet<>();
  private boolean errors;

  Diagnostics(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      return null; // not javac, or a wrapped environment (Gradle's incremental processing): the Messager
    }
  }

  boolean hasErrors() {
    return errors;
  }

  /** Starts a finding the processor makes itself about {@code origin}, printed when it is reported. */
  Report.Problem problem(FindingCode code, Origin origin) {
    return problem(code, origin, Place.BUNDLE);
  }

  /** Starts a finding about {@code place} of the bundle, which the source at {@code origin} produced. */
  Report.Problem problem(FindingCode code, Origin origin, Place place) {
    return Report.Problem.of(code, Context.COMPILE, place, finding -> print(finding, origin));
  }

  /** Prints a finding about the bundle; {@code origin} is the source its place came from. */
  void print(Finding finding, Origin origin) {
    // Escaped as Finding.toString() is: a name or value read from a resource file cannot act on the terminal.
    print(finding.severity(), origin, finding.code().tag() + " "
        + SafeText.escape(origin.subject(finding.file(), finding.field()) + " " + finding.message()));
  }

  /** Reports a bug of the SDK on {@code element} (or the compilation), with the stack trace, and goes on. */
  void internal(Element element, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String subject = "the codexplugin processor";
    Origin origin = element == null ? Origin.none(subject) : Origin.at(element, subject);
    Finding finding = problem(FindingCode.INTERNAL, origin).found(e.toString()).finding();
    print(finding.severity(), origin, finding.code().tag() + " " + subject + " " + finding.message() + "\n" + trace);
  }

  private void print(Severity severity, Origin origin, String message) {
    if (!printed.add(new Printed(message, origin.element(), origin.steps()))) {
      return;
    }
    Diagnostic.Kind kind = severity == Severity.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    errors |= severity == Severity.ERROR;
    if (origin.element() == null) {
      messager.printMessage(kind, message);
      return;
    }
    if (printAtTree(kind, message, origin)) {
      return;
    }
    if (origin.mirror() == null) {
      messager.printMessage(kind, message, origin.element());
    } else if (origin.value() == null) {
      messager.printMessage(kind, message, origin.element(), origin.mirror());
    } else {
      messager.printMessage(kind, message, origin.element(), origin.mirror(), origin.value());
    }
  }

  // ------------------------------------------------------------------------------------------ source positions

  private boolean printAtTree(Diagnostic.Kind kind, String message, Origin origin) {
    if (trees == null || origin.top() == null) {
      return false;
    }
    try {
      TreePath path = trees.getPath(origin.element());
      if (path == null) {
        return false;
      }
      Tree tree = locate(path, origin.top(), origin.steps());
      if (tree == null) {
        return false;
      }
      trees.printMessage(kind, message, tree, path.getCompilationUnit());
      return true;
    } catch (RuntimeException e) {
      return false; // a tree API we did not expect: the Messager still gets the message
    }
  }

  /** The tree of the value that {@code steps} lead to from annotation {@code top}, as deep as it exists. */
  private Tree locate(TreePath elementPath, AnnotationMirror top, List<Step> steps) {
    Tree leaf = elementPath.getLeaf();
    List<? extends AnnotationTree> annotations;
    TreePath parent;
    if (leaf instanceof ClassTree c) {
      annotations = c.getModifiers().getAnnotations();
      parent = new TreePath(elementPath, c.getModifiers());
    } else if (leaf instanceof PackageTree p) {
      annotations = p.getAnnotations();
      parent = elementPath;
    } else if (leaf instanceof CompilationUnitTree u) {
      annotations = u.getPackageAnnotations();
      parent = elementPath;
    } else {
      return null;
    }
    TypeElement topType = (TypeElement) top.getAnnotationType().asElement();
    List<Step> rest = steps;
    AnnotationTree start = null;
    List<AnnotationTree> same = ofType(annotations, parent, topType);
    if (!same.isEmpty()) {
      start = same.get(0);
    } else if (!steps.isEmpty() && steps.get(0).attribute().equals("value") && steps.get(0).index() >= 0) {
      // An implicit container: the source has the repeated annotations themselves, in order.
      TypeElement repeated = repeatedType(topType);
      List<AnnotationTree> all = repeated == null ? List.of() : ofType(annotations, parent, repeated);
      if (steps.get(0).index() < all.size()) {
        start = all.get(steps.get(0).index());
        rest = steps.subList(1, steps.size());
      }
    }
    if (start == null) {
      return null;
    }
    Tree current = start;
    for (Step step : rest) {
      if (!(current instanceof AnnotationTree annotation)) {
        break;
      }
      ExpressionTree value = argument(annotation, step.attribute());
      if (value == null) {
        break;
      }
      if (step.index() >= 0) {
        if (value instanceof NewArrayTree array) {
          if (array.getInitializers() == null || step.index() >= array.getInitializers().size()) {
            current = value;
            break;
          }
          value = array.getInitializers().get(step.index());
        } else if (step.index() != 0) {
          current = value;
          break;
        }
      }
      current = value;
    }
    return current;
  }

  private List<AnnotationTree> ofType(List<? extends AnnotationTree> annotations, TreePath parent,
      TypeElement type) {
    List<AnnotationTree> out = new ArrayList<>();
    for (AnnotationTree annotation : annotations) {
      TreePath annotationPath = new TreePath(parent, annotation);
      Element element = trees.getElement(new TreePath(annotationPath, annotation.getAnnotationType()));
      boolean same = element != null
          ? element.equals(type)
          : annotation.getAnnotationType().toString().endsWith(type.getSimpleName().toString());
      if (same) {
        out.add(annotation);
      }
    }
    return out;
  }

  /** {@code McpServer} for its container {@code McpServer.List}: the type of the container's value. */
  private static TypeElement repeatedType(TypeElement container) {
    for (Element member : container.getEnclosedElements()) {
      if (member.getSimpleName().contentEquals("value")
          && member.asType() instanceof javax.lang.model.type.ExecutableType method
          && method.getReturnType() instanceof javax.lang.model.type.ArrayType array
          && array.getComponentType() instanceof javax.lang.model.type.DeclaredType declared) {
        return (TypeElement) declared.asElement();
      }
    }
    return null;
  }

  private static ExpressionTree argument(AnnotationTree annotation, String attribute) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment) {
        if (assignment.getVariable() instanceof IdentifierTree name
            && name.getName().contentEquals(attribute)) {
          return assignment.getExpression();
        }
      } else if (attribute.equals("value")) {
        return argument;
      }
    }
    return null;
  }
}
