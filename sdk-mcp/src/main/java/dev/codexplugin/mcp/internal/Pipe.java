package dev.codexplugin.mcp.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

/**
 * An in-memory byte pipe between threads: what is written to {@link #sink()} is read from {@link #source()}.
 * Unlike {@code java.io.PipedInputStream} it does not tie either end to the thread that used it first.
 * Closing the sink is end of input for the source once the buffered bytes are read.
 */
public final class Pipe {
  private byte[] buffer = new byte[8192];
  private int start;
  private int end;
  private boolean closed;

  private final InputStream source = new InputStream() {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return Pipe.this.read(b, off, len);
    }

    @Override
    public int available() {
      synchronized (Pipe.this) {
        return end - start;
      }
    }
  };

  private final OutputStream sink = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Pipe.this.write(b, off, len);
    }

    @Override
    public void close() {
      synchronized (Pipe.this) {
        closed = true;
        Pipe.this.notifyAll();
      }
    }
  };

  /** The reading end. */
  public InputStream source() {
    return source;
  }

  /** The writing end; closing it ends the input. */
  public OutputStream sink() {
    return sink;
  }

  /**
   * The next line from the source, without its {@code \n}, decoded as UTF-8; {@code null} at end of input.
   *
   * @throws TimeoutException when no complete line arrived within {@code timeout}
   */
  public String readLine(Duration timeout) throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    synchronized (this) {
      int seen = 0; // bytes after start already scanned (writes may move start, never what follows it)
      while (true) {
        for (int i = start + seen; i < end; i++) {
          if (buffer[i] == '\n') {
            line.write(buffer, start, i - start);
            start = i + 1;
            return line.toString(StandardCharsets.UTF_8);
          }
        }
        if (closed) {
          if (start == end) {
            return null;
          }
          line.write(buffer, start, end - start);
          start = end;
          return line.toString(StandardCharsets.UTF_8);
        }
        seen = end - start;
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException("no complete line within " + timeout.toMillis() + " ms");
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private synchronized int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (start == end) {
      if (closed) {
        return -1;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
    }
    int n = Math.min(len, end - start);
    System.arraycopy(buffer, start, b, off, n);
    start += n;
    return n;
  }

  private synchronized void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("pipe closed");
    }
    if (end + len > buffer.length) {
      int used = end - start;
      byte[] target = used + len > buffer.length ? new byte[Math.max(buffer.length * 2, used + len)] : buffer;
      System.arraycopy(buffer, start, target, 0, used);
      buffer = target;
      start = 0;
      end = used;
    }
    System.arraycopy(b, off, buffer, end, len);
    end += len;
    notifyAll();
  }
}
