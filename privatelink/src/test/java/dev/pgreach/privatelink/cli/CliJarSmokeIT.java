package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar, in the default build: it starts with nothing but {@code java -jar}, knows its
 * version, and answers with a library class from each bundled jar (Guava, Jackson). Two processes,
 * so the default build stays fast; CliJarIT (profile {@code it}) runs every command and format.
 */
class CliJarSmokeIT {
  @TempDir Path dir;

  @Test
  void jar_runsOnItsOwn() {
    JarProcess version = JarProcess.run(dir, "--version");
    assertEquals(0, version.status(), version.err());
    assertTrue(version.out().startsWith("pgreach "), version.out());
    JarProcess sarif = JarProcess.run(dir, "validate", "--sample", "--format", "sarif", "--fail-on", "warning");
    assertEquals(1, sarif.status(), sarif.err());
    assertTrue(sarif.out().contains("\"version\": \"2.1.0\""), sarif.out());
  }
}
