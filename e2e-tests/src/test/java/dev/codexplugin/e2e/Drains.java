package dev.codexplugin.e2e;

import java.util.concurrent.Executor;

/** Where the tests read a process's output: blocking reads never run on the common pool. */
public final class Drains {
  /**
   * One daemon thread per read. The common pool has a single worker on a 2-core machine; a read that blocks
   * there (a server's output, for as long as it runs) starves every later read of a host's output.
   */
  public static final Executor THREAD_PER_READ = task -> {
    Thread t = new Thread(task, "process-output");
    t.setDaemon(true);
    t.start();
  };

  private Drains() {}
}
