package dev.codexplugin.processor;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints findings as compiler diagnostics, each anchored on the most precise place known: the annotation
 * value, else the annotation, else the element. The same problem at the same place is printed once.
 */
final class Diagnostics {
  private final Messager messager;
  private final Set<String> printed = new HashSet<>();
  private boolean errors;

  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  boolean hasErrors() {
    return errors;
  }

  /** Prints a finding produced for a bundle; {@code origins} maps its place back to the source. */
  void print(Finding finding, Origins origins) {
    Origin origin = origins.find(finding.file(), finding.field(), finding.code());
    String subject = origin.label();
    if (origin.fileBased()) {
      subject += ", in " + finding.file() + ":" + (finding.field().isEmpty() ? "" : " " + finding.field());
    }
    print(finding.code(), finding.severity(), origin, subject + " " + finding.message());
  }

  /** Prints a finding the processor made itself about {@code origin}. */
  void print(FindingCode code, Severity severity, Origin origin, String text) {
    String message = code.tag() + " " + text;
    String key = message + "@" + System.identityHashCode(origin.element());
    if (!printed.add(key)) {
      return;
    }
    Diagnostic.Kind kind = severity == Severity.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    errors |= severity == Severity.ERROR;
    if (origin.element() == null) {
      messager.printMessage(kind, message);
    } else if (origin.mirror() == null) {
      messager.printMessage(kind, message, origin.element());
    } else if (origin.value() == null) {
      messager.printMessage(kind, message, origin.element(), origin.mirror());
    } else {
      messager.printMessage(kind, message, origin.element(), origin.mirror(), origin.value());
    }
  }

  /** Reports a bug of the SDK on {@code element}, with the stack trace, and goes on. */
  void internal(Element element, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    errors = true;
    messager.printMessage(Diagnostic.Kind.ERROR,
        FindingCode.INTERNAL.tag() + " the codexplugin processor " + FindingCode.INTERNAL.rule() + ":\n" + trace,
        element);
  }
}
