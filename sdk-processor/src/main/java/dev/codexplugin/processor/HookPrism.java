package dev.codexplugin.processor;

import dev.codexplugin.api.Hook;
import dev.codexplugin.api.HookEvent;

/** {@link Hook @Hook}, read. */
final class HookPrism extends Prism<HookPrism.Attr> {
  static final String ANNOTATION = Hook.class.getCanonicalName();
  /** The container of the repeated annotation. */
  static final String CONTAINER = Hook.List.class.getCanonicalName();

  /** The attributes of {@code @Hook}. */
  enum Attr implements Prism.Attribute {
    EVENT, MATCHER, COMMAND, TIMEOUT_SEC, STATUS_MESSAGE
  }

  HookPrism(AnnotationReader reader) {
    super(reader);
  }

  @Override
  String title() {
    return label() + " " + constant(Attr.EVENT);
  }

  /** The event. */
  HookEvent event() {
    return HookEvent.valueOf(constant(Attr.EVENT));
  }

  String matcher() {
    return string(Attr.MATCHER);
  }

  String command() {
    return string(Attr.COMMAND);
  }

  /** Seconds; 0 means the host's default. */
  int timeoutSec() {
    return integer(Attr.TIMEOUT_SEC);
  }

  String statusMessage() {
    return string(Attr.STATUS_MESSAGE);
  }
}
