package com.example.tools;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.codexplugin.api.McpTool;
import java.util.List;

/** Sealed interfaces as oneOf/anyOf, with and without @JsonTypeInfo. */
public class Sealed {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"), @JsonSubTypes.Type(Square.class),
      @JsonSubTypes.Type(Blob.class)})
  public sealed interface Shape permits Circle, Square, Blob {}

  public record Circle(double radius) implements Shape {}

  @JsonTypeName("square")
  public record Square(double side) implements Shape {}

  public record Blob(List<Shape> parts) implements Shape {}

  /** Output only: Jackson writes no type id. */
  public sealed interface Event permits Started, Stopped, Paused {}

  public record Started(String at) implements Event {}

  public record Stopped(String at, int code) implements Event {}

  public enum Paused implements Event { BY_USER, BY_SYSTEM }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
      visible = true)
  @JsonSubTypes({@JsonSubTypes.Type(value = Run.class, name = "run"), @JsonSubTypes.Type(value = Halt.class,
      name = "halt")})
  public sealed interface Command permits Run, Halt {}

  public record Run(String type, String script) implements Command {}

  public record Halt(String type) implements Command {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  public sealed interface Token permits Word, Number {}

  public record Word(String text) implements Token {}

  public record Number(long value) implements Token {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
  @JsonSubTypes({@JsonSubTypes.Type(Dog.class), @JsonSubTypes.Type(Cat.class), @JsonSubTypes.Type(Wolf.class)})
  public sealed interface Animal permits Pet, Wolf {}

  public sealed interface Pet extends Animal permits Dog, Cat {}

  public record Dog(String name) implements Pet {}

  public record Cat(String name, boolean indoor) implements Pet {}

  public record Wolf(int pack) implements Animal {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS)
  public sealed interface Unit permits Meter, Foot {}

  public record Meter(double value) implements Unit {}

  public record Foot(double value) implements Unit {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
  @JsonSubTypes({@JsonSubTypes.Type(Mail.class), @JsonSubTypes.Type(Phone.class)})
  public sealed interface Contact permits Mail, Phone {}

  public record Mail(String address) implements Contact {}

  public record Phone(String number, int extension) implements Contact {}

  public sealed interface Result<T> permits Ok, Failed {}

  public record Ok<T>(T value) implements Result<T> {}

  public record Failed<T>(String message) implements Result<T> {}

  @McpTool(description = "a discriminated input, and the same as the root of the output", structuredOutput = true)
  public Shape grow(Shape shape, double factor) {
    return shape;
  }

  @McpTool(description = "an output sealed type without @JsonTypeInfo is anyOf and not an object", structuredOutput = true)
  public Event last() {
    return null;
  }

  @McpTool(description = "EXISTING_PROPERTY, CLASS and MINIMAL_CLASS ids, DEDUCTION, nested sealed interfaces")
  public void dispatch(Command command, Token token, List<Animal> animals, Unit unit, Contact contact) {}

  @McpTool(description = "generic sealed output", structuredOutput = true)
  public Result<Records.User> find(String name) {
    return null;
  }
}
