package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one hook: what the generated launcher's {@code main} calls. The launcher is started by the host as
 * {@code java ... <PluginName>Hooks <handler id> [codex|claude]}; the runner reads the host's JSON from stdin,
 * makes the event's input, calls the handler through the {@link HookDispatcher}, and writes the decision in the
 * host's format ({@link Host}): JSON on stdout and exit code 0.
 *
 * <p><b>The fail-safe.</b> A handler that throws (also a tool input that does not bind), returns {@code null} or
 * a decision its event cannot have, calls {@code System.exit}, or is still running at the deadline never
 * produces a decision it did not make:
 *
 * <ul>
 *   <li>PreToolUse <b>denies</b>: exit code 2 with the reason on stderr ("Hook <i>id</i> of plugin <i>p</i>
 *       failed, so the call is denied: ..."), which blocks the call in both hosts whatever stdout holds. (Codex
 *       runs the call on every other failure: a crash, a timeout, bad JSON.)
 *   <li>Every other event <b>fails open</b>: exit code 1 with the error on stderr; both hosts go on as if the hook
 *       were not there (Claude Code records the error in the transcript; exit 2 would block a prompt or keep a
 *       Stop going).
 * </ul>
 *
 * <p>The deadline is the handler's {@code timeoutSec} counted from the start of {@code main}, less a margin (a
 * quarter of the timeout, at least 0.5 s and at most 1.5 s), so that the fail-safe is written before the host
 * gives up on the hook. While the handler runs, {@code System.out} is stderr and {@code System.in} is empty: nothing a handler
 * prints can become a decision. (The JVM itself logs to stdout by default; the generated command turns that off
 * with {@code -Xlog:disable -Xlog:all=warning:stderr}.)
 *
 * <p>Every run ends with one JSON line on stderr (see docs/HOOKS.md) and, when the OpenTelemetry API is on the
 * class path and an {@code OTEL_*} variable configures it, a span.
 */
public final class HookRunner {
  private static final Set<HookEvent> SUPPORTED = EnumSet.of(HookEvent.PRE_TOOL_USE, HookEvent.POST_TOOL_USE,
      HookEvent.PERMISSION_REQUEST, HookEvent.USER_PROMPT_SUBMIT, HookEvent.SESSION_START, HookEvent.SESSION_END,
      HookEvent.STOP, HookEvent.SUBAGENT_START, HookEvent.SUBAGENT_STOP, HookEvent.PRE_COMPACT,
      HookEvent.POST_COMPACT);

  /** How long a run with a handler id the launcher lacks waits for stdin (to learn the event). */
  private static final long UNKNOWN_HANDLER_DEADLINE_MILLIS = 5000;

  /** How long {@link #main} lets shutdown hooks run after the decision is written before it halts the JVM. */
  private static final long EXIT_GRACE_MILLIS = 2000;

  private HookRunner() {}

  /** Whether Java handlers can handle {@code event}: the events both Codex and Claude Code have. */
  public static boolean supports(HookEvent event) {
    return SUPPORTED.contains(event);
  }

  /**
   * Runs the hook named by {@code args} with the process's stdin, stdout, stderr and environment, and exits the
   * JVM with the decision's exit code.
   *
   * @param dispatcher the plugin's generated launcher
   * @param args {@code <handler id> [codex|claude]}
   */
  public static void main(HookDispatcher dispatcher, String[] args) {
    PrintStream err = System.err;
    Map<String, String> env = System.getenv();
    Run run = new Run(dispatcher, args, System.in, env, System.currentTimeMillis(), false, configuresTelemetry(env));
    Runtime.getRuntime().addShutdownHook(new Guard(run, err));
    int code = run.execute(new FileOutputStream(FileDescriptor.out), err);
    Thread watchdog = new Thread(new Halt(code), "hook exit watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    System.exit(code);
  }

  /**
   * Runs the hook in this JVM, as {@link #main} does, and returns what it wrote: for tests of handlers through the
   * same path the host takes. {@code System.out} and {@code System.in} are replaced while the handler runs.
   *
   * @param dispatcher the plugin's generated launcher
   * @param stdin the host's JSON
   * @param env the environment the host would give the hook ({@code PLUGIN_ROOT}, ...)
   * @param args {@code <handler id> [codex|claude]}
   */
  public static Result run(HookDispatcher dispatcher, String stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    Run run = new Run(dispatcher, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env,
        System.currentTimeMillis(), true, true);
    int code = run.execute(out, err);
    err.flush();
    return new Result(code, out.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
  }

  /**
   * What a run wrote.
   *
   * @param exitCode 0 for a decision (or none), 2 for a PreToolUse fail-safe deny, 1 for another failure
   * @param stdout the decision's JSON line, or empty
   * @param stderr the reason or error, then the log line
   */
  public record Result(int exitCode, String stdout, String stderr) {
    /** The JSON log line: the last line of stderr. */
    public String logLine() {
      List<String> lines = stderr.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  /**
   * Whether a hook process can export spans at all: only when OpenTelemetry is configured for it, which for a
   * process the host starts means {@code OTEL_*} environment variables (the autoconfigure module reads them).
   * Without one, {@link #main} does not look for the API: the lookup of a class that is not there opens every jar
   * of {@code lib/*}, which costs a hook on a 20-jar class path about 13 ms (BENCHMARKS.md §5).
   */
  static boolean configuresTelemetry(Map<String, String> env) {
    for (String name : env.keySet()) {
      if (name.startsWith("OTEL_")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The deadline margin: a quarter of the timeout, at least half a second (the JVM's own start, before
   * {@code main}, takes 0.1-0.3 s and is not counted), at most one and a half. ({@code ProcessHandle}'s start
   * time would count the JVM's start too, but asking for it starts a thread pool, which costs a hook more than
   * it saves.)
   */
  static long marginMillis(int timeoutSec) {
    return Math.max(500L, Math.min(1500L, timeoutSec * 1000L / 4));
  }

  /** One run: its inputs, and what is known of it once it ended. */
  static final class Run {
    private final HookDispatcher dispatcher;
    private final String[] args;
    private final InputStream stdin;
    private final Map<String, String> env;
    private final long startedMillis;
    private final boolean restoreStreams;
    private final boolean telemetry;
    private final String id;
    private final HookMethod method;
    private Host host;
    private IllegalArgumentException argumentProblem;
    /** Set once the decision or the fail-safe is written; the shutdown guard then does nothing. */
    volatile boolean finished;

    Run(HookDispatcher dispatcher, String[] args, InputStream stdin, Map<String, String> env, long startedMillis,
        boolean restoreStreams, boolean telemetry) {
      this.telemetry = telemetry;
      this.dispatcher = dispatcher;
      this.args = args;
      this.stdin = stdin;
      this.env = env;
      this.startedMillis = startedMillis;
      this.restoreStreams = restoreStreams;
      this.id = args.length > 0 ? args[0] : "";
      this.method = find(dispatcher, id);
      try {
        host = Host.detect(args.length > 1 ? args[1] : null, env);
      } catch (IllegalArgumentException e) {
        host = Host.detect(null, env);
        argumentProblem = e;
      }
    }

    private static HookMethod find(HookDispatcher dispatcher, String id) {
      for (HookMethod m : dispatcher.methods()) {
        if (m.id().equals(id)) {
          return m;
        }
      }
      return null;
    }

    int execute(OutputStream out, PrintStream err) {
      long began = System.nanoTime();
      RunLog log = new RunLog(System.currentTimeMillis(), dispatcher.plugin(), id, host);
      Telemetry.Span span = (telemetry ? Telemetry.detect(HookRunner.class.getClassLoader()) : Telemetry.NONE)
          .start(dispatcher.plugin(), id, host);
      PrintStream savedOut = System.out;
      InputStream savedIn = System.in;
      System.setOut(err);
      System.setIn(new ByteArrayInputStream(new byte[0]));
      Worker worker = new Worker(this);
      boolean timedOut;
      try {
        Thread thread = new Thread(worker, "hook " + id);
        thread.setDaemon(true);
        thread.start();
        long deadline = method == null ? startedMillis + UNKNOWN_HANDLER_DEADLINE_MILLIS
            : startedMillis + method.timeoutSec() * 1000L - marginMillis(method.timeoutSec());
        long wait = Math.max(1, deadline - System.currentTimeMillis());
        try {
          thread.join(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        timedOut = thread.isAlive();
      } finally {
        if (restoreStreams) {
          System.setOut(savedOut);
          System.setIn(savedIn);
        }
      }
      HookEvent event = event(worker);
      if (event != null) {
        log.event(event.jsonName());
      }
      HookInput input = worker.input;
      if (input != null) {
        log.input(input, env);
      }
      String tool = input instanceof ToolEvent ? ((ToolEvent) input).toolName() : null;
      if (!timedOut && worker.failure == null) {
        Wire.Output output = worker.output;
        write(out, output.stdout);
        log.finished(System.nanoTime() - began, "ok", output.written);
        err.println(log.line());
        err.flush();
        finished = true;
        span.end(event == null ? null : event.jsonName(), tool, "ok", output.written, null);
        return output.exitCode;
      }
      Throwable failure = !timedOut ? worker.failure : method == null
          ? new HookTimeoutException(id, 0, UNKNOWN_HANDLER_DEADLINE_MILLIS)
          : new HookTimeoutException(id, method.timeoutSec(),
              method.timeoutSec() * 1000L - marginMillis(method.timeoutSec()));
      boolean deny = event == HookEvent.PRE_TOOL_USE;
      String outcome = timedOut ? "timeout" : "error";
      err.println(failSafeMessage(event, failure, timedOut));
      if (!deny && !timedOut && !(failure instanceof HookInputException)) {
        failure.printStackTrace(err);
      }
      log.finished(System.nanoTime() - began, outcome, deny ? "deny" : "proceed");
      log.failure(failure, deny ? "deny" : "open");
      err.println(log.line());
      err.flush();
      finished = true;
      span.end(event == null ? null : event.jsonName(), tool, outcome, deny ? "deny" : "proceed", failure);
      return deny ? Wire.BLOCK : Wire.FAIL_OPEN;
    }

    /** The handler's event, else the event the host named on stdin (for a handler id the launcher lacks). */
    HookEvent event(Worker worker) {
      if (method != null) {
        return method.event();
      }
      String name = worker == null ? null : worker.eventName;
      if (name != null) {
        for (HookEvent e : HookEvent.values()) {
          if (e.jsonName().equals(name)) {
            return e;
          }
        }
      }
      return null;
    }

    /** The one line a failed run writes before the log line: for PreToolUse, the reason the model reads. */
    String failSafeMessage(HookEvent event, Throwable failure, boolean timedOut) {
      String what = "Hook " + (id.isEmpty() ? "(no handler id)" : id) + " of plugin " + dispatcher.plugin();
      String why = timedOut ? failure.getMessage() : describe(failure);
      if (event == HookEvent.PRE_TOOL_USE) {
        return timedOut ? what + " did not decide in time, so the call is denied: " + why
            : what + " failed, so the call is denied: " + why;
      }
      return what + (timedOut ? " did not decide in time" : " failed") + "; the host goes on without it: " + why;
    }

    private static String describe(Throwable t) {
      String message = t.getMessage();
      return t instanceof HookInputException || t instanceof UnknownHandlerException ? message
          : t.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : ": " + message);
    }

    private static void write(OutputStream out, String stdout) {
      if (stdout.isEmpty()) {
        return;
      }
      try {
        out.write((stdout + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException hostGone) {
        // The host closed the pipe: it no longer waits for a decision.
      }
    }
  }

  /** Reads the input, makes the event's input and calls the handler, on its own thread (for the deadline). */
  private static final class Worker implements Runnable {
    private final Run run;
    volatile String eventName;
    volatile HookInput input;
    volatile Wire.Output output;
    volatile Throwable failure;

    Worker(Run run) {
      this.run = run;
    }

    @Override
    public void run() {
      try {
        String text = new String(run.stdin.readAllBytes(), StandardCharsets.UTF_8);
        JsonObject json = JsonObject.parse(text);
        Object name = json.get("hook_event_name");
        eventName = name instanceof String ? (String) name : null;
        if (run.argumentProblem != null) {
          throw run.argumentProblem;
        }
        if (run.method == null) {
          throw new UnknownHandlerException(run.id, run.dispatcher);
        }
        HookInput made = Wire.input(run.method.event(), run.host, json, run.env);
        input = made;
        HookDecision decision = run.dispatcher.call(run.method.index(), made);
        if (decision == null) {
          throw new IllegalStateException("the handler returned null; return a "
              + Wire.decisionType(run.method.event()) + " (proceed() for no decision)");
        }
        output = Wire.decision(run.host, run.method.event(), decision);
      } catch (Throwable t) {
        failure = t;
      }
    }
  }

  /** The launcher was started with a handler id it does not have: hooks.json and the jar disagree. */
  static final class UnknownHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownHandlerException(String id, HookDispatcher dispatcher) {
      super(message(id, dispatcher));
    }

    private static String message(String id, HookDispatcher dispatcher) {
      StringBuilder known = new StringBuilder();
      for (HookMethod m : dispatcher.methods()) {
        known.append(known.length() == 0 ? "" : ", ").append(m.id());
      }
      return (id.isEmpty() ? "no handler id was given" : "there is no handler \"" + id + "\"")
          + " (hooks/hooks.json and the plugin's jar disagree; the launcher has " + known
          + "); reinstall the plugin";
    }
  }

  /** Exits the JVM when {@code System.exit} hangs in a shutdown hook. */
  private static final class Halt implements Runnable {
    private final int code;

    Halt(int code) {
      this.code = code;
    }

    @Override
    public void run() {
      try {
        Thread.sleep(EXIT_GRACE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Runtime.getRuntime().halt(code);
    }
  }

  /** Writes the fail-safe when the JVM exits before the decision (a handler called {@code System.exit}). */
  private static final class Guard extends Thread {
    private final Run run;
    private final PrintStream err;

    Guard(Run run, PrintStream err) {
      super("hook exit guard");
      this.run = run;
      this.err = err;
    }

    @Override
    public void run() {
      if (run.finished) {
        return;
      }
      HookEvent event = run.event(null);
      IllegalStateException failure = new IllegalStateException("the JVM exited before the handler decided"
          + " (System.exit in the handler?)");
      err.println(run.failSafeMessage(event, failure, false));
      err.flush();
      Runtime.getRuntime().halt(event == HookEvent.PRE_TOOL_USE ? Wire.BLOCK : Wire.FAIL_OPEN);
    }
  }
}
