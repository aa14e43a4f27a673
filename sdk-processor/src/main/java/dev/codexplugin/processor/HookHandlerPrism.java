package dev.codexplugin.processor;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.api.HookHandler;

/** {@link HookHandler @HookHandler}, read: a Java method run as a hook of its plugin. */
final class HookHandlerPrism extends Prism<HookHandlerPrism.Attr> {
  static final String ANNOTATION = HookHandler.class.getCanonicalName();

  /** The attributes of {@code @HookHandler}. */
  enum Attr implements Prism.Attribute {
    EVENT, MATCHER, TIMEOUT_SEC, STATUS_MESSAGE
  }

  HookHandlerPrism(AnnotationReader reader) {
    super(reader);
  }

  @Override
  String title() {
    return label() + " " + element().getEnclosingElement().getSimpleName() + "." + element().getSimpleName();
  }

  /** The event. */
  HookEvent event() {
    return HookEvent.valueOf(constant(Attr.EVENT));
  }

  /** The tool-name (or source, trigger) pattern; empty matches everything. */
  String matcher() {
    return string(Attr.MATCHER);
  }

  /** Seconds the host waits; 10 by default. */
  int timeoutSec() {
    return integer(Attr.TIMEOUT_SEC);
  }

  String statusMessage() {
    return string(Attr.STATUS_MESSAGE);
  }
}
