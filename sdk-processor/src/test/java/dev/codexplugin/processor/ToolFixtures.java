package dev.codexplugin.processor;

import static dev.codexplugin.processor.ProcessorTesting.source;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Tool plugins for the positive tests (golden files, running the generated servers, determinism). They compile
 * with {@code sdk-mcp} on the class path, as a user's project does.
 */
final class ToolFixtures {
  private ToolFixtures() {}

  // ------------------------------------------------------------------------------------------ ledger-kit

  /**
   * One plugin, {@code ledger-kit}, with a custom tool server name ({@code ledger}) and tools in three classes of
   * two packages: instance tools with state (one instance, created through the no-arg constructor), static tools
   * in a nested static class and in a subpackage, {@code void}, text and structured results, defaults,
   * {@code Optional} parameters and results, records, enums, hints set to true, to false and unset, a dotted tool
   * name, descriptions from the annotation or from the Javadoc's first sentence, and structured results that may
   * be absent ({@code OptionalLong}, {@code @Nullable}). A skill requires the server.
   */
  static final List<JavaFileObject> LEDGER = List.of(
      source("com.acme.ledger.package-info", """
          @Plugin(name = "ledger-kit", version = "1.2.0", description = "Bookkeeping tools", toolServer = "ledger")
          package com.acme.ledger;

          import dev.codexplugin.api.Plugin;
          """),
      source("com.acme.ledger.Accounts", """
          package com.acme.ledger;

          import dev.codexplugin.api.McpTool;
          import dev.codexplugin.api.Param;
          import dev.codexplugin.api.TriState;
          import java.util.ArrayList;
          import java.util.List;
          import java.util.Optional;

          /** The accounts of an in-memory ledger: one instance serves every call. */
          public final class Accounts {
            /** A currency. */
            public enum Currency { EUR, USD, CHF }

            /**
             * An account.
             *
             * @param id the account id
             * @param currency its currency
             * @param balanceCents its balance in cents
             */
            public record Account(String id, Currency currency, long balanceCents) {}

            private final List<Account> accounts = new ArrayList<>(List.of(
                new Account("cash", Currency.EUR, 1200), new Account("bank", Currency.USD, 25000)));
            private final List<String> journal = new ArrayList<>();

            /**
             * Opens an account with a zero balance. The id must be new.
             *
             * @param id the new account's id
             * @param currency its currency
             */
            @McpTool(title = "Open an account", destructive = TriState.FALSE, idempotent = TriState.FALSE,
                structuredOutput = true)
            public Account open(String id, @Param(defaultValue = "EUR") Currency currency) {
              if (find(id).isPresent()) {
                throw new IllegalArgumentException("account " + id + " exists");
              }
              Account account = new Account(id, currency, 0);
              accounts.add(account);
              return account;
            }

            /** @param id the account id */
            @McpTool(description = "Finds an account by id.", readOnly = TriState.TRUE, structuredOutput = true)
            public Optional<Account> find(String id) {
              return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
            }

            /**
             * Lists the accounts, oldest first.
             *
             * @param currency only accounts of this currency
             * @param limit at most this many
             */
            @McpTool(readOnly = TriState.TRUE)
            public List<Account> list(Optional<Currency> currency,
                @Param(name = "max", description = "at most this many accounts", defaultValue = "10") int limit) {
              return accounts.stream().filter(a -> currency.map(c -> a.currency() == c).orElse(true))
                  .limit(limit).toList();
            }

            @McpTool(name = "journal.note", description = "Writes a note to the journal.")
            public void note(String text) {
              journal.add(text);
            }

            @McpTool(description = "The journal, one line per note.", readOnly = TriState.TRUE)
            public String journal() {
              return String.join("\\n", journal);
            }

            /** Checks that need no ledger. */
            public static final class Audit {
              private Audit() {}

              /**
               * @param debits the debits in cents
               * @param credits the credits in cents
               */
              @McpTool(description = "Checks that the debits equal the credits.", readOnly = TriState.TRUE,
                  openWorld = TriState.FALSE, structuredOutput = true)
              public static boolean balanced(List<Long> debits, List<Long> credits) {
                return debits.stream().mapToLong(Long::longValue).sum()
                    == credits.stream().mapToLong(Long::longValue).sum();
              }
            }
          }
          """),
      source("com.acme.ledger.report.Reports", """
          package com.acme.ledger.report;

          import dev.codexplugin.api.McpTool;
          import java.lang.annotation.ElementType;
          import java.lang.annotation.Retention;
          import java.lang.annotation.RetentionPolicy;
          import java.lang.annotation.Target;
          import java.time.LocalDate;
          import java.time.temporal.ChronoUnit;
          import java.util.List;
          import java.util.OptionalLong;

          public final class Reports {
            private Reports() {}

            /** A period, both ends included. */
            public record Period(LocalDate from, LocalDate to) {}

            /** What {@link #days} found. */
            public record Summary(long days, String label) {}

            /**
             * Sums amounts in cents. Negative amounts are refunds.
             *
             * @param amounts the amounts
             */
            @McpTool
            public static long sum(List<Long> amounts) {
              return amounts.stream().mapToLong(Long::longValue).sum();
            }

            @McpTool(description = "Counts the days of a period.", structuredOutput = true)
            public static Summary days(Period period) {
              long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
              return new Summary(days, period.from() + ".." + period.to());
            }

            @McpTool(description = "The largest amount, if there is one.", structuredOutput = true)
            public static OptionalLong largest(List<Long> amounts) {
              return amounts.stream().mapToLong(Long::longValue).max();
            }

            /** The days two periods share, or none. */
            @McpTool(structuredOutput = true)
            @Nullable
            public static Period overlap(Period a, Period b) {
              LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
              LocalDate to = a.to().isBefore(b.to()) ? a.to() : b.to();
              return from.isAfter(to) ? null : new Period(from, to);
            }

            /** A result that may be null; the processor knows it by its simple name. */
            @Retention(RetentionPolicy.CLASS)
            @Target(ElementType.METHOD)
            public @interface Nullable {}
          }
          """),
      source("com.acme.ledger.Bookkeeping", """
          package com.acme.ledger;

          import dev.codexplugin.api.Skill;

          @Skill(name = "bookkeeping", description = "Keep the books balanced. Use when recording money.",
              requires = "ledger", instructions = "Open accounts with `open`, then check with `balanced`.")
          final class Bookkeeping {}
          """));

  // ------------------------------------------------------------------------------------------ two plugins

  /**
   * Two plugins in one compilation, each with tools in its own package: {@code alpha-tools} (its version from
   * {@link #TWO_PLUGINS_OPTIONS}, its tool class created by an {@code @McpToolFactory} that counts its calls) and
   * {@code beta-tools} (static tools, one that throws; a skill requires its server).
   */
  static final List<JavaFileObject> TWO_PLUGINS = List.of(
      source("com.acme.alpha.package-info", """
          @dev.codexplugin.api.Plugin(name = "alpha-tools", description = "Greetings")
          package com.acme.alpha;
          """),
      source("com.acme.alpha.Greeter", """
          package com.acme.alpha;

          import dev.codexplugin.api.McpTool;

          /** Needs a greeting: only the factory can create it. */
          public final class Greeter {
            private final String greeting;
            private int calls;

            Greeter(String greeting) {
              this.greeting = greeting;
            }

            /**
             * Greets someone by name.
             *
             * @param name who to greet
             */
            @McpTool
            public String greet(String name) {
              calls++;
              return greeting + ", " + name + "! (" + calls + ")";
            }
          }
          """),
      source("com.acme.alpha.Wiring", """
          package com.acme.alpha;

          import dev.codexplugin.api.McpToolFactory;
          import java.util.concurrent.atomic.AtomicInteger;

          public final class Wiring {
            /** How often the factory ran. */
            public static final AtomicInteger CREATED = new AtomicInteger();

            private Wiring() {}

            @McpToolFactory
            public static <T> T create(Class<T> type) {
              CREATED.incrementAndGet();
              if (type == Greeter.class) {
                return type.cast(new Greeter("Hej"));
              }
              throw new IllegalArgumentException("no tool class " + type.getName());
            }
          }
          """),
      source("com.acme.beta.package-info", """
          @dev.codexplugin.api.Plugin(name = "beta-tools", version = "0.9.0", description = "Arithmetic")
          package com.acme.beta;
          """),
      source("com.acme.beta.Arithmetic", """
          package com.acme.beta;

          import dev.codexplugin.api.McpTool;
          import dev.codexplugin.api.Param;
          import dev.codexplugin.api.TriState;

          public final class Arithmetic {
            private Arithmetic() {}

            @McpTool(description = "Adds two integers.", readOnly = TriState.TRUE, idempotent = TriState.TRUE)
            public static int add(int a, @Param(description = "the second addend", defaultValue = "1") int b) {
              return a + b;
            }

            @McpTool(description = "Divides a by b; fails for b = 0.", readOnly = TriState.TRUE,
                structuredOutput = true)
            public static int divide(int a, int b) {
              return a / b;
            }
          }
          """),
      source("com.acme.beta.ExactMath", """
          package com.acme.beta;

          @dev.codexplugin.api.Skill(name = "math", description = "Do arithmetic exactly. Use for sums.",
              requires = "beta-tools", instructions = "Call add or divide; never compute by hand.")
          final class ExactMath {}
          """));

  // ------------------------------------------------------------------------------------------ studio-kit

  /**
   * One plugin, {@code studio-kit}, whose tools use the request's context (progress, logging, cancellation,
   * elicitation, sampling, roots, the client) through context parameters, which are not part of the input
   * schema, and answer with rich content: an image, a mixed list, a {@code ToolResult} with a resource link.
   */
  static final List<JavaFileObject> STUDIO = List.of(
      source("com.acme.studio.package-info", """
          @dev.codexplugin.api.Plugin(name = "studio-kit", version = "2.0.0", description = "Studio tools")
          package com.acme.studio;
          """),
      source("com.acme.studio.Studio", """
          package com.acme.studio;

          import dev.codexplugin.api.McpTool;
          import dev.codexplugin.api.Param;
          import dev.codexplugin.api.Title;
          import dev.codexplugin.mcp.Cancellation;
          import dev.codexplugin.mcp.ClientInfo;
          import dev.codexplugin.mcp.Content;
          import dev.codexplugin.mcp.Elicitation;
          import dev.codexplugin.mcp.McpLog;
          import dev.codexplugin.mcp.Progress;
          import dev.codexplugin.mcp.ResourceContents;
          import dev.codexplugin.mcp.Roots;
          import dev.codexplugin.mcp.Sampling;
          import dev.codexplugin.mcp.ToolContext;
          import dev.codexplugin.mcp.ToolResult;
          import java.util.List;
          import java.util.Map;
          import java.util.concurrent.atomic.AtomicBoolean;
          import java.util.stream.Collectors;

          public final class Studio {
            /** A 1x1 PNG. */
            static final byte[] PNG = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
            /** Whether the last wait was interrupted by a cancellation. */
            public static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

            /**
             * Renders in steps, reporting progress and logging each step.
             *
             * @param steps how many steps
             */
            @McpTool(name = "render")
            public String render(Progress progress, @Param(description = "how many steps") int steps, McpLog log) {
              log.debug("render: starting " + steps + " steps");
              for (int i = 1; i <= steps; i++) {
                progress.report(i, (double) steps, "step " + i);
              }
              log.info("render: done");
              log.warning("render: the preview is low resolution");
              return "rendered " + steps + " steps" + (progress.active() ? "" : " (no progress token)");
            }

            /** Waits until the time is up or the client cancels the call. */
            @McpTool(name = "wait")
            public static String await(long millis, Cancellation cancellation) {
              try {
                Thread.sleep(millis);
              } catch (InterruptedException e) {
                INTERRUPTED.set(cancellation.isCancelled());
                return "interrupted";
              }
              return "waited";
            }

            /** Asks the user for a title. */
            @McpTool
            public String title(Elicitation elicitation) {
              Elicitation.Elicited<Map<String, Object>> answer = elicitation.request("Which title?",
                  "{\\\"type\\\":\\\"object\\\",\\\"properties\\\":{\\\"title\\\":{\\\"type\\\":\\\"string\\\"}},"
                      + "\\\"required\\\":[\\\"title\\\"]}");
              return switch (answer.action()) {
                case ACCEPT -> "title: " + answer.value().get("title");
                case DECLINE -> "the user declined";
                case CANCEL -> "the user cancelled";
              };
            }

            /**
             * Who signs up.
             *
             * @param name the full name
             * @param age in years
             * @param plan the plan to start with
             * @param newsletter whether to send the newsletter
             * @param extras the add-ons to book
             */
            public record Contact(String name, int age, Plan plan, java.util.Optional<Boolean> newsletter,
                java.util.Set<Plan> extras) {}

            /** A plan. */
            public enum Plan { BASIC, PRO }

            /** Signs someone up, asking the user for the contact. */
            @McpTool
            public static String signup(Elicitation.Form<Contact> form) {
              Elicitation.Elicited<Contact> answer = form.ask("Who signs up?");
              return answer.accepted() ? answer.value().name() + " (" + answer.value().age() + ", "
                  + answer.value().plan() + ", newsletter " + answer.value().newsletter().orElse(false) + ", extras "
                  + answer.value().extras() + ")"
                  : "not signed up: " + answer.action();
            }

            /** Asks the client's model to describe a scene. */
            @McpTool
            public String describe(String scene, Sampling sampling) {
              return "model: " + sampling.ask("Describe " + scene, 50);
            }

            /** Lists the client's roots. */
            @McpTool
            public String roots(Roots roots) {
              return roots.list().stream().map(Roots.Root::uri).collect(Collectors.joining(","));
            }

            /** A thumbnail. */
            @McpTool
            public Content thumbnail() {
              return Content.image(PNG, "image/png");
            }

            /** A contact sheet: a caption, the image and the file it came from. */
            @McpTool
            public List<Content> sheet(String caption) {
              return List.of(Content.text(caption), Content.image(PNG, "image/png"),
                  Content.resource(ResourceContents.text("file:///studio/sheet.txt", "text/plain", "sheet")));
            }

            /** Exports for the client, linking to the result. */
            @McpTool
            public ToolResult export(ToolContext context, ClientInfo client, String format) {
              if (format.isBlank()) {
                return ToolResult.error("no format");
              }
              context.log().info("export for " + client.name());
              return ToolResult.of(Content.text("exported for " + client.name() + " over "
                      + context.client().protocolVersion()),
                  Content.resourceLink("file:///studio/out." + format, "out." + format, null, null));
            }

            /** A finish, most of them titled. */
            public enum Finish {
              @Title("Matt, no shine") MATT,
              @Title("Deep gloss") @com.fasterxml.jackson.annotation.JsonProperty("gloss") GLOSS,
              SATIN
            }

            /**
             * A paint order.
             *
             * @param name what to call the colour
             */
            public record PaintOrder(
                @Param(title = "Colour name", defaultValue = "sky") String name,
                @Param(description = "how many litres", defaultValue = "2") int litres,
                @Param(defaultValue = "0.5") double sheen,
                @Param(defaultValue = "true") boolean primer,
                @Param(defaultValue = "gloss") Finish finish,
                @Param(enumNames = true, defaultValue = "MATT") Finish legacy,
                java.util.Optional<Finish> plain,
                @Param(defaultValue = "[\\"gloss\\"]") java.util.List<Finish> extras) {}

            /** Orders paint, asking the user for the order. */
            @McpTool
            public static String paint(Elicitation.Form<PaintOrder> form) {
              Elicitation.Elicited<PaintOrder> answer = form.ask("Which paint?");
              return answer.accepted() ? answer.value().toString() : "no paint";
            }
          }
          """));

  /** The version of {@code alpha-tools}, which declares none. */
  static final List<String> TWO_PLUGINS_OPTIONS = List.of("-Acodexplugin.version=3.4.5");

  /**
   * The compilation succeeded and said nothing but VersionMismatch: with {@link #TWO_PLUGINS_OPTIONS}, the
   * plugins that keep a literal version of their own (beta-tools, ledger-kit) differ from the option on
   * purpose, so that the alpha plugin, which has none, shows where its version comes from.
   */
  static void assertOnlyVersionMismatches(com.google.testing.compile.Compilation compilation) {
    com.google.common.truth.Truth.assertThat(compilation.status())
        .isEqualTo(com.google.testing.compile.Compilation.Status.SUCCESS);
    com.google.common.truth.Truth.assertThat(compilation.diagnostics().stream()
        .map(d -> d.getMessage(null))
        .filter(m -> !m.startsWith(dev.codexplugin.runtime.FindingCode.VERSION_MISMATCH.tag()))
        .toList()).isEmpty();
  }

  /** Both cases in one compilation, for the determinism test; compile with {@link #TWO_PLUGINS_OPTIONS}. */
  static List<JavaFileObject> all() {
    List<JavaFileObject> all = new ArrayList<>(LEDGER);
    all.addAll(TWO_PLUGINS);
    return all;
  }
}
