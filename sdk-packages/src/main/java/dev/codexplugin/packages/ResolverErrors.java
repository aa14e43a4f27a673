package dev.codexplugin.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Maven Resolver's exceptions into one line that names the artifact, the repository and the fix. The
 * resolver's own text is kept in the cause; the line says what happened in the user's terms (401: the
 * credentials; 404: the coordinates; 5xx: the server; a checksum failure: a truncated or corrupted download).
 */
final class ResolverErrors {
  private static final Pattern STATUS = Pattern.compile("(?i)(?:status(?: code)?:?\\s*|\\()([1-5]\\d\\d)\\b");

  /** What an artifact missing offline is, and the fix; the repositories to download it from follow. */
  private static final String OFFLINE = "is not in the local repository, and the command runs offline (only the"
      + " local repository was searched); run it once without --offline to download it from ";

  /** A repository as the resolver's messages name it: {@code id (url)}. */
  private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9_.-]+) \\(((?:https?|file)://[^)\\s]+)\\)");

  private ResolverErrors() {}

  /** The advice for the package manager: the coordinates are in the lock and the declaration. */
  static final Advice PACKAGES = new Advice("check the coordinates and version in " + Lock.FILE + " and "
      + Declaration.FILE, "check the URL in " + Declaration.FILE + " and the network");

  /**
   * What to tell the user to check.
   *
   * @param notFound when an artifact is in no repository
   * @param unreadable when a repository cannot be read at all
   */
  record Advice(String notFound, String unreadable) {}

  static PackageException failure(String what, Exception e, List<Declaration.Repository> repositories,
      boolean offline) {
    return failure(what, e, repositories, offline, PACKAGES);
  }

  static PackageException failure(String what, Exception e, List<Declaration.Repository> repositories,
      boolean offline, Advice advice) {
    return new PackageException(describe(what, List.of(e), repositories, offline, advice), e);
  }

  static PackageException noVersions(Coordinates id, List<Exception> exceptions,
      List<Declaration.Repository> repositories, boolean offline) {
    List<Exception> real = new ArrayList<>();
    for (Exception e : exceptions) {
      if (!isNotFound(e)) {
        real.add(e);
      }
    }
    if (!real.isEmpty()) {
      PackageException p = new PackageException(describe(id.toString(), real, repositories, offline, PACKAGES),
          real.get(0));
      return p;
    }
    if (offline) {
      return new PackageException(id + " " + OFFLINE + names(repositories));
    }
    return new PackageException(id + " was not found in " + names(repositories) + "; check the groupId:artifactId in "
        + Declaration.FILE + " and that the plugin is deployed there");
  }

  private static String describe(String what, List<Exception> exceptions, List<Declaration.Repository> repositories,
      boolean offline, Advice advice) {
    String text = exceptions.stream().map(ResolverErrors::chain).collect(Collectors.joining("; "));
    String repository = repositoryIn(text, repositories);
    String from = repository == null ? names(repositories) : "repository " + repository;
    Matcher status = STATUS.matcher(text);
    String code = status.find() ? status.group(1) : "";
    if (code.equals("401") || code.equals("403")) {
      String id = repository == null ? repositories.get(0).id() : repository.substring(0, repository.indexOf(' '));
      return what + ": " + from + " answered " + code + " (" + (code.equals("401") ? "unauthorized" : "forbidden")
          + "); give the credentials in ~/.m2/settings.xml as <server><id>" + id + "</id><username>...</username>"
          + "<password>...</password></server>, or set CODEXPLUGIN_REPO_" + Declaration.envName(id) + "_USERNAME and"
          + " CODEXPLUGIN_REPO_" + Declaration.envName(id) + "_PASSWORD";
    }
    if (code.equals("407")) {
      // The proxy of settings.xml, not the repository, refused: its credentials are missing or wrong.
      String proxy = exceptions.stream().map(ResolverErrors::proxyOf).filter(java.util.Objects::nonNull).findFirst()
          .map(p -> p.getHost() + ":" + p.getPort()).orElse("of ~/.m2/settings.xml");
      return what + ": the proxy " + proxy + " answered 407 (proxy authentication required) for " + from
          + "; give the proxy's credentials in ~/.m2/settings.xml as <proxy>...<username>...</username>"
          + "<password>...</password></proxy>";
    }
    if (code.startsWith("5")) {
      return what + ": " + from + " answered " + code + " (a server error); try again later, or ask the"
          + " repository's administrators";
    }
    if (text.contains("ChecksumFailure") || text.toLowerCase(java.util.Locale.ROOT).contains("checksum")) {
      return what + ": the bytes downloaded from " + from + " do not match the repository's checksum (a"
          + " truncated or corrupted transfer); try again, and if it persists ask the repository's administrators";
    }
    if (text.contains("Premature end") || text.contains("ConnectionClosed") || text.contains("truncated")) {
      return what + ": the download from " + from + " ended early (a truncated transfer); try again";
    }
    if (exceptions.stream().allMatch(ResolverErrors::isNotFound)) {
      // Offline, "not found" says nothing about the coordinates: only the local repository was asked.
      return what + (offline ? " " + OFFLINE + from : " was not found in " + from + "; " + advice.notFound());
    }
    if (offline || text.contains("offline")) {
      return what + ": not in the local repository, and the command runs offline; run it once without --offline";
    }
    return what + ": " + from + " could not be read (" + firstLine(text) + "); " + advice.unreadable();
  }

  private static boolean isNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.equals("ArtifactNotFoundException") || name.equals("MetadataNotFoundException")) {
        return true;
      }
      if (name.equals("ArtifactResolutionException")
          && t instanceof org.eclipse.aether.resolution.ArtifactResolutionException are) {
        boolean any = false;
        boolean all = true;
        for (var r : are.getResults()) {
          if (r.isResolved()) {
            continue; // the artifacts that did resolve say nothing about the failure
          }
          any = true;
          all &= !r.getExceptions().isEmpty() && r.getExceptions().stream().allMatch(ResolverErrors::isNotFound);
        }
        return any && all;
      }
    }
    return false;
  }

  /** The proxy the failed transfer went through, from the repository the resolver names in its exception. */
  private static org.eclipse.aether.repository.Proxy proxyOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      org.eclipse.aether.repository.RemoteRepository r = null;
      if (t instanceof org.eclipse.aether.transfer.ArtifactTransferException x) {
        r = x.getRepository();
      } else if (t instanceof org.eclipse.aether.transfer.MetadataTransferException x) {
        r = x.getRepository();
      }
      if (r != null && r.getProxy() != null) {
        return r.getProxy();
      }
      if (t instanceof org.eclipse.aether.resolution.ArtifactResolutionException are) {
        for (var result : are.getResults()) {
          for (Exception x : result.getExceptions()) {
            org.eclipse.aether.repository.Proxy p = proxyOf(x);
            if (p != null) {
              return p;
            }
          }
        }
      }
    }
    return null;
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      if (t instanceof org.eclipse.aether.resolution.ArtifactResolutionException are) {
        for (var r : are.getResults()) {
          for (Exception x : r.getExceptions()) {
            b.append(" <- ").append(chain(x));
          }
        }
      }
    }
    return b.toString();
  }

  private static String repositoryIn(String text, List<Declaration.Repository> repositories) {
    for (Declaration.Repository r : repositories) {
      if (text.contains(r.url()) || text.contains(" " + r.id() + " (")) {
        return r.id() + " (" + r.url() + ")";
      }
    }
    // None of the declared ones: a mirror of settings.xml stood for them; name it (its id has the credentials).
    Matcher named = NAMED.matcher(text);
    return named.find() ? named.group(1) + " (" + named.group(2) + ")" : null;
  }

  private static String names(List<Declaration.Repository> repositories) {
    return repositories.stream().map(r -> r.id() + " (" + r.url() + ")").collect(Collectors.joining(", "));
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse(text);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
