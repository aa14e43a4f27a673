import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark workloads. One set of ten tool templates is the single source of every variant, so the
 * three servers serve the same 50 tools with the same bodies:
 *
 * <pre>
 * java Workloads.java ours      OUT               50 tools as @McpTool methods (our processor serves them)
 * java Workloads.java sdk       OUT               the same 50 hand-written on the official MCP SDK, victools schemas
 * java Workloads.java spring    OUT               the same 50 as Spring AI @McpTool beans
 * java Workloads.java processor OUT C T S         C classes x T @McpTool methods and S @Skills (processor cost)
 * java Workloads.java processor-real OUT C T S    the same with tool bodies of 20-40 lines of ordinary Java
 * </pre>
 *
 * Run with the JDK's single-file source launcher: no build step of its own.
 */
public final class Workloads {
  /** One tool template; {@code k} is appended to the name so that 5 copies make 50 distinct tools. */
  record Template(String name, String description, String returns, boolean structured, List<P> params,
      String body, String args) {}

  /** One parameter: Java type (our flavour; the SDK and Spring variants map Optional), name, description. */
  record P(String type, String name, String description) {}

  static final List<Template> TEMPLATES = List.of(
      new Template("upper", "Upper-cases a text.", "String", false,
          List.of(new P("String", "text", "the text to upper-case")),
          "return text.toUpperCase(Locale.ROOT);",
          "{\"text\":\"hello world\"}"),
      new Template("add", "Adds two integers.", "Sum", true,
          List.of(new P("int", "a", "the first addend"), new P("int", "b", "the second addend")),
          "return new Sum((long) a + b);",
          "{\"a\":2,\"b\":3}"),
      new Template("stats", "Count, mean, minimum and maximum of numbers.", "Stats", true,
          List.of(new P("List<Double>", "values", "the numbers")),
          "DoubleSummaryStatistics s = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();\n"
              + "return new Stats((int) s.getCount(), s.getAverage(), s.getMin(), s.getMax());",
          "{\"values\":[1.5,2.5,3.5,4.5]}"),
      new Template("convert", "Converts a temperature between units.", "double", false,
          List.of(new P("double", "value", "the temperature"), new P("Unit", "from", "the unit of value"),
              new P("Unit", "to", "the unit to convert to")),
          "double kelvin = switch (from) { case C -> value + 273.15; case F -> (value - 32) * 5 / 9 + 273.15;"
              + " case K -> value; };\n"
              + "return switch (to) { case C -> kelvin - 273.15; case F -> (kelvin - 273.15) * 9 / 5 + 32;"
              + " case K -> kelvin; };",
          "{\"value\":100,\"from\":\"C\",\"to\":\"F\"}"),
      new Template("greet", "Greets a person, with a title when one is given.", "String", false,
          List.of(new P("String", "name", "who to greet"), new P("Optional<String>", "title", "a title such as Dr.")),
          "return \"Hello, \" + title.map(t -> t + \" \").orElse(\"\") + name + \"!\";",
          "{\"name\":\"Ada\",\"title\":\"Dr.\"}"),
      new Template("repeat", "Repeats a text, optionally upper-cased.", "String", false,
          List.of(new P("int", "times", "how many times, at most 100"), new P("String", "text", "the text"),
              new P("boolean", "upper", "whether to upper-case the result")),
          "String r = text.repeat(Math.max(0, Math.min(times, 100)));\n"
              + "return upper ? r.toUpperCase(Locale.ROOT) : r;",
          "{\"times\":3,\"text\":\"ab\",\"upper\":true}"),
      new Template("sort", "Sorts strings.", "List<String>", false,
          List.of(new P("List<String>", "items", "the strings to sort"), new P("boolean", "descending", "highest first")),
          "List<String> out = new ArrayList<>(items);\n"
              + "out.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());\n"
              + "return out;",
          "{\"items\":[\"pear\",\"apple\",\"fig\"],\"descending\":false}"),
      new Template("quote", "Quotes the shipping price of a parcel to an address.", "Quote", true,
          List.of(new P("Address", "address", "where the parcel goes"), new P("int", "weight", "the weight in kg")),
          "String zone = address.zip().isEmpty() ? \"Z0\" : \"Z\" + (address.zip().charAt(0) - '0');\n"
              + "return new Quote(zone, 4.5 + 1.25 * weight);",
          "{\"address\":{\"street\":\"1 Main St\",\"city\":\"Springfield\",\"zip\":\"12345\"},\"weight\":7}"),
      new Template("clamp", "Clamps a number into a range.", "long", false,
          List.of(new P("long", "value", "the number"), new P("long", "min", "the lower bound"),
              new P("long", "max", "the upper bound")),
          "return Math.max(min, Math.min(max, value));",
          "{\"value\":42,\"min\":0,\"max\":10}"),
      new Template("join", "Joins integers with a separator.", "String", false,
          List.of(new P("List<Integer>", "numbers", "the numbers"), new P("String", "separator", "what goes between them")),
          "StringBuilder b = new StringBuilder();\n"
              + "for (int i = 0; i < numbers.size(); i++) { if (i > 0) b.append(separator); b.append(numbers.get(i)); }\n"
              + "return b.toString();",
          "{\"numbers\":[1,2,3],\"separator\":\"-\"}"));

  /**
   * Realistic bodies of the ten templates, for the second processor workload: 20 to 40 lines of ordinary Java
   * each (string, collection and stream work, validation, a switch), so that the user's code, not the generated
   * code, is most of what javac compiles. Same signatures as {@link #TEMPLATES}; compiled, never run.
   */
  static final List<String> REAL_BODIES = List.of(
      """
      // Normalise white space, count the words and the repeated letters, then upper-case.
      StringBuilder normalised = new StringBuilder(text.length());
      boolean pendingSpace = false;
      int words = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          pendingSpace = normalised.length() > 0;
          continue;
        }
        if (pendingSpace) {
          normalised.append(' ');
          pendingSpace = false;
        }
        if (normalised.length() == 0 || normalised.charAt(normalised.length() - 1) == ' ') {
          words++;
        }
        normalised.append(c);
      }
      Map<Character, Integer> counts = new TreeMap<>();
      for (char c : normalised.toString().toCharArray()) {
        counts.merge(Character.toLowerCase(c), 1, Integer::sum);
      }
      List<String> repeated = new ArrayList<>();
      for (Map.Entry<Character, Integer> e : counts.entrySet()) {
        if (e.getValue() > 1 && Character.isLetter(e.getKey())) {
          repeated.add(e.getKey() + "=" + e.getValue());
        }
      }
      if (words > 10_000 || repeated.size() > 1_000) {
        throw new IllegalArgumentException("text too long: " + words + " words, " + repeated.size() + " letters");
      }
      return normalised.toString().toUpperCase(Locale.ROOT);
      """,
      """
      // Add with overflow checks and a short audit trail of the operands.
      List<String> audit = new ArrayList<>();
      audit.add("a=" + a);
      audit.add("b=" + b);
      long exact = (long) a + b;
      boolean overflows = exact > Integer.MAX_VALUE || exact < Integer.MIN_VALUE;
      if (overflows) {
        audit.add("overflows int by " + (exact > 0 ? exact - Integer.MAX_VALUE : Integer.MIN_VALUE - exact));
      }
      int sign = Long.signum(exact);
      String kind = switch (sign) {
        case -1 -> "negative";
        case 0 -> "zero";
        default -> "positive";
      };
      audit.add("kind=" + kind);
      Map<String, Long> parts = new LinkedHashMap<>();
      parts.put("high", exact >> 16);
      parts.put("low", exact & 0xFFFF);
      long check = (parts.get("high") << 16) | parts.get("low");
      if (check != exact) {
        throw new IllegalStateException("split failed: " + String.join(", ", audit));
      }
      if (audit.size() > 10) {
        audit.subList(0, audit.size() - 10).clear();
      }
      return new Sum(exact);
      """,
      """
      // Summary statistics, ignoring values that are not finite, with a stable order for the median.
      List<Double> finite = new ArrayList<>();
      int skipped = 0;
      for (Double v : values) {
        if (v == null || v.isNaN() || v.isInfinite()) {
          skipped++;
          continue;
        }
        finite.add(v);
      }
      if (finite.isEmpty()) {
        return new Stats(0, 0, 0, 0);
      }
      List<Double> sorted = finite.stream().sorted().collect(Collectors.toList());
      double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
          : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : finite) {
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double mean = sum / finite.size();
      double spread = max - min;
      if (skipped > finite.size() || spread < 0 || median < min || median > max) {
        throw new IllegalArgumentException(skipped + " values skipped; spread " + spread);
      }
      return new Stats(finite.size(), mean, min, max);
      """,
      """
      // Convert through kelvin, rejecting temperatures below absolute zero, and round to a sensible precision.
      double kelvin;
      switch (from) {
        case C:
          kelvin = value + 273.15;
          break;
        case F:
          kelvin = (value - 32) * 5 / 9 + 273.15;
          break;
        default:
          kelvin = value;
          break;
      }
      if (kelvin < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%.2f %s is below absolute zero", value, from));
      }
      double result = switch (to) {
        case C -> kelvin - 273.15;
        case F -> (kelvin - 273.15) * 9 / 5 + 32;
        case K -> kelvin;
      };
      Map<Unit, Double> all = new EnumMap<>(Unit.class);
      all.put(Unit.K, kelvin);
      all.put(Unit.C, kelvin - 273.15);
      all.put(Unit.F, (kelvin - 273.15) * 9 / 5 + 32);
      if (Math.abs(all.get(to) - result) > 1e-9) {
        throw new IllegalStateException("inconsistent conversion to " + to);
      }
      double scale = Math.pow(10, 6);
      return Math.round(result * scale) / scale;
      """,
      """
      // Greet by the parts of the name, with a known title spelled out.
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      List<String> parts = new ArrayList<>();
      for (String part : trimmed.split("\\\\s+")) {
        if (part.length() > 1 && part.equals(part.toUpperCase(Locale.ROOT))) {
          parts.add(part.charAt(0) + part.substring(1).toLowerCase(Locale.ROOT));
        } else {
          parts.add(part);
        }
      }
      Map<String, String> titles = new HashMap<>();
      titles.put("dr", "Dr.");
      titles.put("prof", "Prof.");
      titles.put("mr", "Mr.");
      titles.put("ms", "Ms.");
      String prefix = title
          .map(t -> t.replace(".", "").toLowerCase(Locale.ROOT))
          .map(t -> titles.getOrDefault(t, t))
          .map(t -> t + " ")
          .orElse("");
      StringBuilder greeting = new StringBuilder("Hello, ").append(prefix);
      greeting.append(String.join(" ", parts));
      if (greeting.length() > 200) {
        greeting.setLength(200);
      }
      return greeting.append('!').toString();
      """,
      """
      // Repeat with limits, and optionally upper-case each repetition after the first.
      int count = Math.max(0, Math.min(times, 100));
      if (text.length() * (long) count > 1_000_000) {
        throw new IllegalArgumentException("the result would be too long: " + text.length() * (long) count);
      }
      StringBuilder out = new StringBuilder(text.length() * count);
      List<Integer> offsets = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        offsets.add(out.length());
        if (upper && i > 0) {
          out.append(text.toUpperCase(Locale.ROOT));
        } else {
          out.append(text);
        }
      }
      Set<Integer> distinct = new TreeSet<>(offsets);
      if (distinct.size() != offsets.size() && !text.isEmpty()) {
        throw new IllegalStateException("overlapping repetitions");
      }
      String result = out.toString();
      if (upper) {
        result = result.toUpperCase(Locale.ROOT);
      }
      int vowels = 0;
      for (char c : result.toCharArray()) {
        if ("AEIOUaeiou".indexOf(c) >= 0) {
          vowels++;
        }
      }
      return vowels > result.length() ? "" : result;
      """,
      """
      // Sort case-insensitively, dropping blanks and duplicates, with the original spelling kept.
      Map<String, String> byKey = new LinkedHashMap<>();
      for (String item : items) {
        if (item == null || item.isBlank()) {
          continue;
        }
        String key = item.strip().toLowerCase(Locale.ROOT);
        byKey.putIfAbsent(key, item.strip());
      }
      List<String> keys = new ArrayList<>(byKey.keySet());
      Comparator<String> order = Comparator.<String>naturalOrder();
      keys.sort(descending ? order.reversed() : order);
      List<String> out = new ArrayList<>();
      for (String key : keys) {
        out.add(byKey.get(key));
      }
      Map<Integer, Long> byLength = out.stream()
          .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.counting()));
      long total = byLength.values().stream().mapToLong(Long::longValue).sum();
      if (total != out.size()) {
        throw new IllegalStateException("lost items while sorting");
      }
      return out;
      """,
      """
      // Price a parcel by zone and weight band, with a surcharge for remote zones.
      if (weight <= 0 || weight > 1_000) {
        throw new IllegalArgumentException("weight must be 1 to 1000 kg; found " + weight);
      }
      String zip = address.zip().strip();
      String zone = zip.isEmpty() || !Character.isDigit(zip.charAt(0)) ? "Z0" : "Z" + (zip.charAt(0) - '0');
      Map<String, Double> base = new HashMap<>();
      for (int z = 0; z <= 9; z++) {
        base.put("Z" + z, 4.5 + 0.25 * z);
      }
      double rate;
      if (weight <= 5) {
        rate = 1.25;
      } else if (weight <= 20) {
        rate = 1.10;
      } else {
        rate = 0.95;
      }
      double price = base.getOrDefault(zone, 4.5) + rate * weight;
      List<String> remote = List.of("Z8", "Z9");
      if (remote.contains(zone)) {
        price *= 1.15;
      }
      if (address.city().toLowerCase(Locale.ROOT).contains("island")) {
        price += 12;
      }
      return new Quote(zone, Math.round(price * 100) / 100.0);
      """,
      """
      // Clamp into the range, accepting the bounds in either order, and note which bound applied.
      long low = Math.min(min, max);
      long high = Math.max(min, max);
      List<String> notes = new ArrayList<>();
      if (min > max) {
        notes.add("bounds swapped");
      }
      long result;
      if (value < low) {
        result = low;
        notes.add("raised to " + low);
      } else if (value > high) {
        result = high;
        notes.add("lowered to " + high);
      } else {
        result = value;
      }
      long width = high - low;
      if (width < 0) {
        throw new ArithmeticException("range too wide: " + low + " to " + high);
      }
      Map<String, Long> summary = new TreeMap<>();
      summary.put("low", low);
      summary.put("high", high);
      summary.put("value", result);
      if (summary.size() != 3 || notes.size() > 2) {
        throw new IllegalStateException(String.join("; ", notes));
      }
      return result;
      """,
      """
      // Join the numbers, grouping runs of consecutive values as ranges (1, 2, 3 -> 1-3).
      if (separator.length() > 10) {
        throw new IllegalArgumentException("separator too long: " + separator.length());
      }
      List<String> parts = new ArrayList<>();
      int i = 0;
      while (i < numbers.size()) {
        int start = numbers.get(i);
        int end = start;
        int j = i + 1;
        while (j < numbers.size() && numbers.get(j) == end + 1) {
          end = numbers.get(j);
          j++;
        }
        parts.add(end - start >= 2 ? start + "-" + end : String.valueOf(start));
        if (end - start == 1) {
          parts.add(String.valueOf(end));
        }
        i = j;
      }
      String joined = parts.stream().collect(Collectors.joining(separator));
      long negatives = numbers.stream().filter(n -> n < 0).count();
      if (negatives > 0 && separator.equals("-")) {
        joined = parts.stream().map(p -> "(" + p + ")").collect(Collectors.joining(separator));
      }
      return joined;
      """);

  static final String REAL_IMPORTS = """
      import java.util.ArrayList;
      import java.util.Comparator;
      import java.util.EnumMap;
      import java.util.HashMap;
      import java.util.LinkedHashMap;
      import java.util.List;
      import java.util.Locale;
      import java.util.Map;
      import java.util.Optional;
      import java.util.Set;
      import java.util.TreeMap;
      import java.util.TreeSet;
      import java.util.stream.Collectors;
      """;

  static final String TYPES = """
      /** The sum of {@code add}. */
      public record Sum(long sum) {}
      /** What {@code stats} answers. */
      public record Stats(int count, double mean, double min, double max) {}
      /** A postal address. */
      public record Address(String street, String city, String zip) {}
      /** A shipping quote. */
      public record Quote(String zone, double price) {}
      /** A temperature unit. */
      public enum Unit { C, F, K }
      """;

  static final String IMPORTS = """
      import java.util.ArrayList;
      import java.util.Comparator;
      import java.util.DoubleSummaryStatistics;
      import java.util.List;
      import java.util.Locale;
      import java.util.Optional;
      """;

  static final int SERVER_CLASSES = 5;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[1]);
    switch (args[0]) {
      case "ours" -> ours(out);
      case "sdk" -> sdk(out);
      case "spring" -> spring(out);
      case "processor" -> processor(out, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), false);
      case "processor-real" -> processor(out, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), true);
      case "calls" -> calls(out);
      default -> throw new IllegalArgumentException("unknown workload " + args[0]);
    }
  }

  // ---------------------------------------------------------------------------------------------- ours

  static void ours(Path out) throws IOException {
    String pkg = "dev.codexplugin.bench.ours";
    write(out, pkg, "package-info", """
        /** The 50 benchmark tools, served by the server our processor generates. */
        @Plugin(name = "bench-tools", version = "1.0.0", description = "50 benchmark tools")
        package %s;

        import dev.codexplugin.api.Plugin;
        """.formatted(pkg));
    write(out, pkg, "Types", "package " + pkg + ";\n\n/** The value types of the tools. */\npublic final class Types {\n"
        + "  private Types() {}\n\n" + indent(TYPES, 2) + "}\n");
    for (int c = 1; c <= SERVER_CLASSES; c++) {
      write(out, pkg, "Tools" + c, oursClass(pkg, "Tools" + c, c, List.of()));
    }
  }

  /** A tool class with one copy of each template, suffixed {@code k}; {@code skills} go on the class. */
  static String oursClass(String pkg, String cls, int k, List<String> skills) {
    return oursClass(pkg, cls, k, skills, false);
  }

  /** The same, with {@link #REAL_BODIES} when {@code real}. */
  static String oursClass(String pkg, String cls, int k, List<String> skills, boolean real) {
    StringBuilder s = new StringBuilder("package " + pkg + ";\n\n");
    s.append("import dev.codexplugin.api.McpTool;\n");
    if (!skills.isEmpty()) {
      s.append("import dev.codexplugin.api.Skill;\n");
    }
    s.append(real ? REAL_IMPORTS : IMPORTS).append("import ").append(pkg).append(".Types.*;\n\n");
    skills.forEach(s::append);
    s.append("/** Benchmark tools, copy ").append(k).append(". */\npublic final class ").append(cls).append(" {\n");
    for (int n = 0; n < TEMPLATES.size(); n++) {
      Template t = TEMPLATES.get(n);
      s.append("  /**\n   * ").append(t.description()).append("\n   *\n");
      for (P p : t.params()) {
        s.append("   * @param ").append(p.name()).append(' ').append(p.description()).append('\n');
      }
      s.append("   */\n  @McpTool").append(t.structured() ? "(structuredOutput = true)" : "").append('\n');
      s.append("  public ").append(t.returns()).append(' ').append(t.name()).append(k).append('(')
          .append(params(t, P::type)).append(") {\n").append(indent(real ? REAL_BODIES.get(n) : t.body(), 4))
          .append("  }\n\n");
    }
    s.setLength(s.length() - 1);
    return s.append("}\n").toString();
  }

  // ----------------------------------------------------------------------------------------------- sdk

  static void sdk(Path out) throws IOException {
    String pkg = "dev.codexplugin.bench.sdk";
    write(out, pkg, "Types", "package " + pkg + ";\n\n/** The value types of the tools. */\npublic final class Types {\n"
        + "  private Types() {}\n\n" + indent(TYPES, 2) + "}\n");
    for (int c = 1; c <= SERVER_CLASSES; c++) {
      StringBuilder s = new StringBuilder("package " + pkg + ";\n\n").append(IMPORTS)
          .append("import ").append(pkg).append(".Types.*;\n\n");
      s.append("/** Benchmark tools, copy ").append(c).append(". */\npublic final class Tools").append(c).append(" {\n");
      for (Template t : TEMPLATES) {
        s.append("  public ").append(t.returns()).append(' ').append(t.name()).append(c).append('(')
            .append(params(t, P::type)).append(") {\n").append(indent(t.body(), 4)).append("  }\n\n");
      }
      s.setLength(s.length() - 1);
      write(out, pkg, "Tools" + c, s.append("}\n").toString());
    }
    // The server, written as a user of the official SDK writes one: a specification per tool whose handler
    // reads the argument map by hand, and schemas generated by victools from the method by reflection.
    StringBuilder s = new StringBuilder();
    s.append("""
        package %s;

        import com.fasterxml.jackson.core.type.TypeReference;
        import com.fasterxml.jackson.databind.ObjectMapper;
        import dev.codexplugin.bench.sdk.Types.*;
        import io.modelcontextprotocol.json.McpJsonMapper;
        import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
        import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
        import io.modelcontextprotocol.server.McpServer;
        import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
        import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
        import io.modelcontextprotocol.spec.McpSchema;
        import java.io.BufferedOutputStream;
        import java.io.FileDescriptor;
        import java.io.FileOutputStream;
        import java.io.OutputStream;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;

        /** The 50 benchmark tools hand-written on the official MCP Java SDK, schemas from victools. */
        public final class SdkBenchServer {
          private SdkBenchServer() {}

          public static void main(String[] args) {
            OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
            System.setOut(System.err);
            ObjectMapper mapper = new ObjectMapper();
            McpJsonMapper json = new JacksonMcpJsonMapper(mapper);
            McpServer.sync(new StdioServerTransportProvider(json, System.in, protocolOut))
                .serverInfo("bench-sdk", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(mapper))
                .tools(specifications(mapper, json))
                .build();
          }

          /** The 50 tools (also served over HTTP by SdkHttpBenchServer). */
          public static List<SyncToolSpecification> specifications(ObjectMapper mapper, McpJsonMapper json) {
            SdkTools tools = new SdkTools(mapper, json);
            List<SyncToolSpecification> specifications = new ArrayList<>();
        """.formatted(pkg));
    for (int c = 1; c <= SERVER_CLASSES; c++) {
      s.append("    Tools").append(c).append(" t").append(c).append(" = new Tools").append(c).append("();\n");
    }
    for (int c = 1; c <= SERVER_CLASSES; c++) {
      for (Template t : TEMPLATES) {
        String name = t.name() + c;
        s.append("    specifications.add(tools.tool(Tools").append(c).append(".class, \"").append(name)
            .append("\", \"").append(t.description()).append("\", ").append(t.structured()).append(",\n");
        s.append("        Map.of(");
        List<String> d = new ArrayList<>();
        for (P p : t.params()) {
          d.add("\"" + p.name() + "\", \"" + p.description() + "\"");
        }
        s.append(String.join(", ", d)).append("),\n");
        s.append("        a -> t").append(c).append('.').append(name).append('(');
        List<String> reads = new ArrayList<>();
        for (P p : t.params()) {
          reads.add(sdkRead(p));
        }
        s.append(String.join(", ", reads)).append(")));\n");
      }
    }
    s.append("""
            return specifications;
          }
        }
        """);
    write(out, pkg, "SdkBenchServer", s.toString());
  }

  /** How a hand-written handler reads one argument from {@code Map<String, Object> a}. */
  static String sdkRead(P p) {
    String get = "a.get(\"" + p.name() + "\")";
    return switch (p.type()) {
      case "String" -> "(String) " + get;
      case "int" -> "((Number) " + get + ").intValue()";
      case "long" -> "((Number) " + get + ").longValue()";
      case "double" -> "((Number) " + get + ").doubleValue()";
      case "boolean" -> "(Boolean) " + get;
      case "Optional<String>" -> "Optional.ofNullable((String) " + get + ")";
      case "Unit" -> "Unit.valueOf((String) " + get + ")";
      case "Address" -> "tools.convert(" + get + ", Address.class)";
      default -> "tools.convert(" + get + ", new TypeReference<" + p.type() + ">() {})";
    };
  }

  // -------------------------------------------------------------------------------------------- spring

  static void spring(Path out) throws IOException {
    String pkg = "dev.codexplugin.bench.spring";
    write(out, pkg, "Types", "package " + pkg + ";\n\n/** The value types of the tools. */\npublic final class Types {\n"
        + "  private Types() {}\n\n" + indent(TYPES, 2) + "}\n");
    for (int c = 1; c <= SERVER_CLASSES; c++) {
      StringBuilder s = new StringBuilder("package " + pkg + ";\n\n")
          .append("import org.springframework.ai.mcp.annotation.McpTool;\n")
          .append("import org.springframework.ai.mcp.annotation.McpToolParam;\n")
          .append("import org.springframework.stereotype.Component;\n")
          .append(IMPORTS).append("import ").append(pkg).append(".Types.*;\n\n");
      s.append("/** Benchmark tools, copy ").append(c).append(". */\n@Component\npublic class Tools").append(c)
          .append(" {\n");
      for (Template t : TEMPLATES) {
        String name = t.name() + c;
        s.append("  @McpTool(name = \"").append(name).append("\", description = \"").append(t.description())
            .append('"').append(t.structured() ? ", generateOutputSchema = true" : "").append(")\n");
        List<String> ps = new ArrayList<>();
        boolean optional = false;
        for (P p : t.params()) {
          boolean opt = p.type().startsWith("Optional<");
          optional |= opt;
          ps.add("@McpToolParam(description = \"" + p.description() + "\"" + (opt ? ", required = false" : "")
              + ") " + (opt ? "String" : p.type()) + " " + (opt ? p.name() + "OrNull" : p.name()));
        }
        s.append("  public ").append(t.returns()).append(' ').append(name).append('(')
            .append(String.join(", ", ps)).append(") {\n");
        if (optional) {
          for (P p : t.params()) {
            if (p.type().startsWith("Optional<")) {
              s.append("    Optional<String> ").append(p.name()).append(" = Optional.ofNullable(").append(p.name())
                  .append("OrNull);\n");
            }
          }
        }
        s.append(indent(t.body(), 4)).append("  }\n\n");
      }
      s.setLength(s.length() - 1);
      write(out, pkg, "Tools" + c, s.append("}\n").toString());
    }
    write(out, pkg, "SpringBenchApplication", """
        package %s;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        /** The 50 benchmark tools as a Spring AI MCP stdio server. */
        @SpringBootApplication
        public class SpringBenchApplication {
          public static void main(String[] args) {
            SpringApplication.run(SpringBenchApplication.class, args);
          }
        }
        """.formatted(pkg));
  }

  // ----------------------------------------------------------------------------------------- processor

  /**
   * {@code classes} classes of {@code perClass} tools each, and {@code skills} skills spread over them; with
   * {@code real}, the tools have {@link #REAL_BODIES} instead of the templates' one-liners.
   */
  static void processor(Path out, int classes, int perClass, int skills, boolean real) throws IOException {
    if (perClass > TEMPLATES.size()) {
      throw new IllegalArgumentException("at most " + TEMPLATES.size() + " tools per class");
    }
    String pkg = "dev.codexplugin.bench.big";
    write(out, pkg, "package-info", """
        /** A large plugin: the processor benchmark's workload. */
        @Plugin(name = "bench-big", version = "1.0.0", description = "A large benchmark plugin")
        package %s;

        import dev.codexplugin.api.Plugin;
        """.formatted(pkg));
    write(out, pkg, "Types", "package " + pkg + ";\n\n/** The value types of the tools. */\npublic final class Types {\n"
        + "  private Types() {}\n\n" + indent(TYPES, 2) + "}\n");
    int skill = 0;
    for (int c = 0; c < classes; c++) {
      List<String> annotations = new ArrayList<>();
      int here = skills / classes + (c < skills % classes ? 1 : 0);
      for (int i = 0; i < here; i++, skill++) {
        annotations.add("""
            @Skill(
                name = "skill-%04d",
                description = "Benchmark skill %d: answers questions about the tools of class %d. Use when asked about them.",
                instructions = \"""
                    # Skill %d
                    1. Read the question and pick the tool of Tools%03d that fits.
                    2. Call it with the arguments the question names; never guess a missing one.
                    3. Report the answer in one sentence.
                    \""")
            """.formatted(skill, skill, c, skill, c));
      }
      String code = oursClass(pkg, String.format("Tools%03d", c), c, annotations, real);
      if (perClass < TEMPLATES.size()) {
        throw new UnsupportedOperationException("perClass must be " + TEMPLATES.size());
      }
      write(out, pkg, String.format("Tools%03d", c), code);
    }
  }

  // --------------------------------------------------------------------------------------------- calls

  /** The call mix of the throughput benchmark: one line per tool, {@code name<TAB>arguments}. */
  static void calls(Path out) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c = 1; c <= SERVER_CLASSES; c++) {
      for (Template t : TEMPLATES) {
        s.append(t.name()).append(c).append('\t').append(t.args()).append('\n');
      }
    }
    Files.createDirectories(out.getParent());
    Files.writeString(out, s, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------------- helpers

  static String params(Template t, java.util.function.Function<P, String> type) {
    List<String> ps = new ArrayList<>();
    for (P p : t.params()) {
      ps.add(type.apply(p) + " " + p.name());
    }
    return String.join(", ", ps);
  }

  static String indent(String code, int spaces) {
    String pad = " ".repeat(spaces);
    StringBuilder s = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      if (!line.isEmpty()) {
        s.append(pad).append(line);
      }
      s.append('\n');
    }
    String r = s.toString();
    return r.endsWith("\n\n") ? r.substring(0, r.length() - 1) : r;
  }

  static void write(Path root, String pkg, String cls, String code) throws IOException {
    Path file = root.resolve(pkg.replace('.', '/')).resolve(cls + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, code, StandardCharsets.UTF_8);
  }
}
