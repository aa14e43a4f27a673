package dev.codexplugin.cli;

import dev.codexplugin.packages.Declaration;
import dev.codexplugin.packages.PackageException;
import dev.codexplugin.packages.PackageManager;
import dev.codexplugin.packages.StandaloneResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The package manager's commands (docs/PACKAGES.md): arguments and output only; the work is PackageManager's. */
final class PackageCommands {
  private PackageCommands() {}

  /** The options every package command shares. */
  static final class Common {
    @Option(names = {"-C", "--project"}, paramLabel = "<dir>", description = "The folder of codexplugin.json (default: the current folder).")
    Path project = Path.of(".");

    @Option(names = {"-s", "--settings"}, paramLabel = "<file>", description = "Maven settings (default: ~/.m2/settings.xml).")
    Path settings;

    @Option(names = "--local-repository", paramLabel = "<dir>", description = "The local Maven repository (default: the settings', else ~/.m2/repository).")
    Path localRepository;

    @Option(names = {"-o", "--offline"}, description = "Resolve from the local repository only; the doctor checks no URL.")
    boolean offline;

    @Option(names = "--force", description = "Install although the doctor finds something missing.")
    boolean force;

    @Option(names = "--codex", paramLabel = "<path>", description = "The codex command (default: $CODEXPLUGIN_CODEX, else codex on PATH).")
    String codex;

    @Option(names = "--claude", paramLabel = "<path>", description = "The claude command (default: $CODEXPLUGIN_CLAUDE, else claude on PATH).")
    String claude;

    @Option(names = "--no-archive", description = "Make no class-data archive for Java tool servers.")
    boolean noArchive;

    @Option(names = "--no-hosts", description = "Run no Codex or Claude Code command: lock, verify and write"
        + " .codexplugin/marketplace only; status compares declaration and lock.")
    boolean noHosts;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    <T> T run(Work<T> work) throws PackageException {
      StandaloneResolver.Options options = StandaloneResolver.Options.defaults().withOffline(offline);
      if (settings != null) {
        options = options.withSettings(settings);
      }
      if (localRepository != null) {
        options = options.withLocalRepository(localRepository);
      }
      StandaloneResolver.Options resolverOptions = options;
      List<StandaloneResolver> opened = new ArrayList<>();
      Map<String, String> env = System.getenv();
      try {
        PackageManager pm = PackageManager.builder(project)
            .source(repositories -> {
              StandaloneResolver r = StandaloneResolver.open(resolverOptions);
              opened.add(r);
              return r.source(repositories);
            })
            .out(spec.commandLine().getOut())
            .codexCommand(List.of(Optional.ofNullable(codex).or(() -> Optional.ofNullable(env.get("CODEXPLUGIN_CODEX")))
                .orElse("codex")))
            .claudeCommand(List.of(Optional.ofNullable(claude).or(() -> Optional.ofNullable(env.get("CODEXPLUGIN_CLAUDE")))
                .orElse("claude")))
            .force(force)
            .offline(offline)
            .classDataArchives(!noArchive)
            .hosts(!noHosts)
            .build();
        return work.run(pm);
      } finally {
        opened.forEach(StandaloneResolver::close);
      }
    }

    /** Runs {@code work} and returns its exit code, or prints the error and returns {@link Main#FINDINGS}. */
    int exit(Work<Integer> work) {
      try {
        return run(work);
      } catch (PackageException e) {
        return fail(spec, e);
      }
    }

    /** Runs {@code step}: {@link Main#OK}, or the error printed and {@link Main#FINDINGS}. */
    int perform(Step step) {
      return exit(pm -> {
        step.run(pm);
        return Main.OK;
      });
    }
  }

  interface Work<T> {
    T run(PackageManager pm) throws PackageException;
  }

  interface Step {
    void run(PackageManager pm) throws PackageException;
  }

  static int fail(CommandSpec spec, PackageException e) {
    spec.commandLine().getErr().println("codexplugin: " + SafeWriter.text(e.getMessage()));
    return Main.FINDINGS;
  }

  @Command(name = "init", description = "Write codexplugin.json, an empty codexplugin-lock.json and the wrapper"
      + " (./codexplugin, codexplugin.cmd, .codexplugin-wrapper/) pinned to this CLI as the repositories serve it.")
  static final class Init implements Callable<Integer> {
    @Mixin Common common;
    @Spec CommandSpec spec;

    @Option(names = "--marketplace", required = true, description = "The marketplace name hosts show after @, e.g. team-tools.")
    String marketplace;

    @Option(names = "--repository", required = true, paramLabel = "<id>=<url>", description = "A Maven repository (repeatable).")
    List<String> repositories;

    @Option(names = "--host", paramLabel = "codex|claude", description = "A host to install into (repeatable; default both).")
    List<String> hosts = List.of("codex", "claude");

    @Option(names = "--scope", paramLabel = "project|user", description = "Where Claude Code records the plugins (default project).")
    String scope = "project";

    @Option(names = "--wrapper-version", paramLabel = "<version>", description = "The CLI version the wrapper runs"
        + " (default: this CLI's own).")
    String wrapperVersion;

    @Option(names = "--no-wrapper", description = "Write no wrapper.")
    boolean noWrapper;

    @Override
    public Integer call() {
      try {
        List<Declaration.Repository> repos = new ArrayList<>();
        for (String r : repositories) {
          try {
            repos.add(Declaration.Repository.parse(r));
          } catch (IllegalArgumentException e) {
            throw new PackageException("--repository " + e.getMessage());
          }
        }
        List<Declaration.Host> hostList = new ArrayList<>();
        for (String h : hosts) {
          hostList.add(Declaration.Host.of(h).orElseThrow(() -> new PackageException("--host " + h
              + ": use codex or claude")));
        }
        Declaration.Scope s = Declaration.Scope.of(scope).orElseThrow(() ->
            new PackageException("--scope " + scope + ": use project or user"));
        Optional<String> wrapper = Optional.empty();
        if (!noWrapper) {
          String version = wrapperVersion != null ? wrapperVersion : Main.class.getPackage().getImplementationVersion();
          if (version == null) {
            throw new PackageException("init: this CLI is a development build without a version; name the CLI"
                + " version the wrapper runs with --wrapper-version <version>, or write no wrapper with --no-wrapper");
          }
          wrapper = Optional.of(version);
        }
        Optional<String> pinned = wrapper;
        common.run(pm -> {
          pm.init(marketplace, repos, hostList, s, pinned);
          return null;
        });
        return Main.OK;
      } catch (PackageException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(name = "add", description = "Declare a plugin, lock its newest version in range and install it.")
  static final class Add implements Callable<Integer> {
    @Mixin Common common;

    @Parameters(paramLabel = "<groupId:artifactId[@range]>", description = "e.g. com.acme:team-workflow@^1.2")
    String plugin;

    @Option(names = "--pre", description = "Let the range choose pre-release versions.")
    boolean pre;

    @Override
    public Integer call() {
      return common.perform(pm -> pm.add(plugin, pre));
    }
  }

  @Command(name = "install", description = "Install exactly the lock (lock the declaration first when there is none).")
  static final class Install implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      return common.perform(PackageManager::install);
    }
  }

  @Command(name = "update", description = "Take the newest version in range whose number announces its changes.")
  static final class Update implements Callable<Integer> {
    @Mixin Common common;

    @Parameters(arity = "0..1", paramLabel = "<plugin>", description = "groupId:artifactId, artifactId or plugin name (default: all).")
    String name;

    @Override
    public Integer call() {
      return common.exit(pm -> pm.update(Optional.ofNullable(name)));
    }
  }

  @Command(name = "outdated", description = "Current, wanted (in range) and latest version, and the bump each needs.")
  static final class Outdated implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      return common.perform(PackageManager::outdated);
    }
  }

  @Command(name = "remove", description = "Remove a plugin from the declaration, the lock and the hosts.")
  static final class Remove implements Callable<Integer> {
    @Mixin Common common;

    @Parameters(paramLabel = "<plugin>", description = "groupId:artifactId, artifactId or plugin name.")
    String name;

    @Override
    public Integer call() {
      return common.perform(pm -> pm.remove(name));
    }
  }

  @Command(name = "rollback", description = "Return to the declaration and lock before the last add, update or remove.")
  static final class Rollback implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      return common.perform(PackageManager::rollback);
    }
  }

  @Command(name = "status", description = "Declared, locked and installed versions per host, and drift (exit 1).")
  static final class Status implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      return common.exit(PackageManager::status);
    }
  }
}
