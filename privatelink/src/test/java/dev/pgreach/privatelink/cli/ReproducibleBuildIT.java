package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of the same sources give identical jars, byte for byte: every module's jar, sources
 * jar, javadoc jar and the runnable jar ({@code project.build.outputTimestamp}); each of them holds
 * {@code META-INF/LICENSE}. The project is copied twice,
 * without its build output, and packaged in each copy by the Maven running this build, offline
 * and without tests. Slow (two builds): in the {@code it} profile only.
 */
class ReproducibleBuildIT {
  private static final List<String> MODULES = List.of("core", "firewall", "dns", "privatelink");

  @TempDir Path dir;

  @Test
  void twoBuilds_giveIdenticalJars() throws IOException, InterruptedException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path first = copy(root, dir.resolve("first"));
    Path second = copy(root, dir.resolve("second"));
    build(first);
    build(second);
    List<String> jars = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> s = Files.list(first.resolve(module).resolve("target"))) {
        s.filter(p -> p.toString().endsWith(".jar")).forEach(p -> jars.add(module + "/target/" + p.getFileName()));
      }
    }
    assertTrue(jars.stream().anyMatch(j -> j.endsWith("-cli.jar")), jars.toString());
    assertTrue(jars.size() >= 3 * MODULES.size() + 1, jars.toString());
    assertEquals(3 * MODULES.size(), jars.stream().filter(j -> j.matches(".*-[0-9][^-]*(-SNAPSHOT)?(-sources|-javadoc)?\\.jar")).count(), "a jar, a sources jar and a javadoc jar per module: " + jars);
    List<String> unlicensed = jars.stream().filter(j -> !holdsLicense(first.resolve(j))).collect(Collectors.toList());
    assertEquals(List.of(), unlicensed, "jars without META-INF/LICENSE");
    List<String> differ = jars.stream().filter(j -> !same(first.resolve(j), second.resolve(j))).collect(Collectors.toList());
    assertEquals(List.of(), differ, "jars that differ between two builds");
  }

  private static boolean holdsLicense(Path jar) {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      return zip.getEntry("META-INF/LICENSE") != null;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      return Files.exists(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Path copy(Path root, Path to) throws IOException {
    Files.createDirectories(to);
    for (String f : List.of("pom.xml", "LICENSE", "README.md")) {
      Files.copy(root.resolve(f), to.resolve(f));
    }
    for (String module : MODULES) {
      Path from = root.resolve(module);
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Path rel = from.relativize(p);
          if (rel.startsWith("target")) {
            continue;
          }
          Path dest = to.resolve(module).resolve(rel.toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(dest);
          } else {
            Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    return to;
  }

  private static Path build(Path project) throws IOException, InterruptedException {
    String home = System.getProperty("maven.home");
    assertFalse(home == null || home.isEmpty(), "the build passes maven.home");
    Path log = project.resolve("build.log");
    Process p =
        new ProcessBuilder(Path.of(home, "bin", "mvn").toString(), "-o", "-q", "-DskipTests", "package")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the build finishes");
    assertEquals(0, p.exitValue(), Files.readString(log));
    return project;
  }
}
