package dev.codexplugin.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes of a compile-testing {@link Compilation}, so tests can run what was compiled. */
final class CompiledClasses extends ClassLoader {
  private static final String ROOT = "/CLASS_OUTPUT/";
  private final Map<String, byte[]> classes = new HashMap<>();
  private final Map<String, byte[]> resources = new HashMap<>();

  CompiledClasses(Compilation compilation) {
    super(CompiledClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() == JavaFileObject.Kind.CLASS && path.startsWith(ROOT)) {
        String name = path.substring(ROOT.length(), path.length() - ".class".length()).replace('/', '.');
        try {
          classes.put(name, file.openInputStream().readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (path.startsWith(ROOT)) {
        try {
          resources.put(path.substring(ROOT.length()), file.openInputStream().readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** A resource the compilation wrote (such as a server's {@code .tools}), else the parent's. */
  @Override
  public java.io.InputStream getResourceAsStream(String name) {
    byte[] bytes = resources.get(name);
    return bytes != null ? new java.io.ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
  }

  /** A compiled class by binary name, e.g. {@code com.example.tools.Records$Page}. */
  Class<?> get(String binaryName) {
    try {
      return loadClass(binaryName);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
