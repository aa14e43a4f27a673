package dev.codexplugin.processor;

import dev.codexplugin.api.Skill;
import dev.codexplugin.runtime.format.Text;
import java.util.List;
import java.util.Optional;

/** {@link Skill @Skill}, read. */
final class SkillPrism extends Prism<SkillPrism.Attr> {
  static final String ANNOTATION = Skill.class.getCanonicalName();
  /** The container of the repeated annotation. */
  static final String CONTAINER = Skill.List.class.getCanonicalName();

  /** The attributes of {@code @Skill}. */
  enum Attr implements Prism.Attribute {
    NAME, DESCRIPTION, INSTRUCTIONS, INSTRUCTIONS_FILE, LICENSE, COMPATIBILITY, ALLOWED_TOOLS, METADATA,
    SHORT_DESCRIPTION, REQUIRES, UI, ALLOW_IMPLICIT_INVOCATION
  }

  SkillPrism(AnnotationReader reader) {
    super(reader);
  }

  @Override
  String title() {
    return label() + " " + Text.quote(name());
  }

  String name() {
    return string(Attr.NAME);
  }

  String description() {
    return string(Attr.DESCRIPTION);
  }

  /** The inline Markdown, or empty. */
  String instructions() {
    return string(Attr.INSTRUCTIONS);
  }

  /** The resource of the Markdown, or empty. */
  String instructionsFile() {
    return string(Attr.INSTRUCTIONS_FILE);
  }

  String license() {
    return string(Attr.LICENSE);
  }

  String compatibility() {
    return string(Attr.COMPATIBILITY);
  }

  List<String> allowedTools() {
    return strings(Attr.ALLOWED_TOOLS);
  }

  /** {@code key=value} entries, as written. */
  List<String> metadata() {
    return strings(Attr.METADATA);
  }

  String shortDescription() {
    return string(Attr.SHORT_DESCRIPTION);
  }

  List<String> requires() {
    return strings(Attr.REQUIRES);
  }

  SkillInterfacePrism ui() {
    return new SkillInterfacePrism(nested(Attr.UI));
  }

  Optional<Boolean> allowImplicitInvocation() {
    return tri(Attr.ALLOW_IMPLICIT_INVOCATION);
  }
}
