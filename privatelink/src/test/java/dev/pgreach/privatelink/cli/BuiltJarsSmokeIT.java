package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the build ships, read from the jars themselves (the reactor's modules, after
 * {@code package}): every jar - classes, sources, javadoc and the runnable one - holds
 * {@code META-INF/LICENSE}, the project's own; each javadoc jar has its overview page and the
 * Apache-2.0 footer on every page (but the source pages and the redirecting overview-summary); and a module's javadoc links the types of the modules it depends on, by
 * relative URLs into the layout of one directory per artifact and version
 * ({@code ../../pgreach-core/<version>/} from a module's root), to pages that exist in their javadoc
 * jars. Reads files only, so it runs in the default build.
 */
class BuiltJarsSmokeIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The modules each module's javadoc links to: its pgreach dependencies. */
  private static final Map<String, List<String>> LINKS =
      Map.of("core", List.of(), "firewall", List.of("core"), "dns", List.of("core"), "privatelink", List.of("core", "firewall", "dns"));

  private static final Pattern MODULE_LINK = Pattern.compile("href=\"((?:\\.\\./)+)pgreach-([a-z]+)/([^/\"]+)/([^\"#]+)[\"#]");

  @Test
  void everyJar_holdsTheLicense() throws IOException {
    byte[] license = Files.readAllBytes(ROOT.resolve("LICENSE"));
    List<String> jars = new ArrayList<>();
    for (String module : LINKS.keySet()) {
      for (String classifier : classifiers(module)) {
        Path jar = jar(module, classifier);
        if (classifier.equals("-javadoc") && javadocSkipped()) {
          continue;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          ZipEntry entry = zip.getEntry("META-INF/LICENSE");
          assertNotNull(entry, jar.getFileName() + " holds META-INF/LICENSE");
          assertArrayEquals(license, read(zip, entry), jar.getFileName() + ": META-INF/LICENSE is the project's LICENSE");
        }
        jars.add(jar.getFileName().toString());
      }
    }
    assertTrue(jars.stream().anyMatch(j -> j.endsWith("-cli.jar")), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.endsWith("-sources.jar")), jars.toString());
  }

  @Test
  void javadoc_hasOverviewAndFooter_andLinksTheModulesItDependsOn() throws IOException {
    assumeFalse(javadocSkipped(), "javadoc skipped (-Dmaven.javadoc.skip=true)");
    for (Map.Entry<String, List<String>> module : LINKS.entrySet()) {
      Path jar = jar(module.getKey(), "-javadoc");
      TreeSet<String> linked = new TreeSet<>();
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        String index = text(zip, "index.html");
        assertTrue(index.contains("<div class=\"block\"><p>pgreach-" + module.getKey() + ":"), jar.getFileName() + ": index.html shows the module's overview page");
        for (ZipEntry e : Collections.list(zip.entries())) {
          if (!e.getName().endsWith(".html") || e.getName().startsWith("legal/")) {
            continue;
          }
          String page = text(zip, e.getName());
          if (!e.getName().startsWith("src/") && !e.getName().equals("overview-summary.html")) {
            assertTrue(page.contains("Licensed under the Apache License, Version 2.0 (Apache-2.0)."), jar.getFileName() + ": " + e.getName() + " has the license footer");
          }
          Matcher m = MODULE_LINK.matcher(page);
          while (m.find()) {
            int depth = e.getName().split("/").length - 1;
            assertEquals("../".repeat(depth + 2), m.group(1), jar.getFileName() + ": " + e.getName() + " links " + m.group() + " from two levels above its javadoc root");
            assertEquals(version(), m.group(3), m.group());
            assertTrue(module.getValue().contains(m.group(2)), jar.getFileName() + " links only the modules it depends on: " + m.group());
            try (ZipFile target = new ZipFile(jar(m.group(2), "-javadoc").toFile())) {
              assertNotNull(target.getEntry(m.group(4)), jar.getFileName() + ": " + e.getName() + " links " + m.group(4) + ", which pgreach-" + m.group(2) + "'s javadoc has");
            }
            linked.add(m.group(2));
          }
        }
      }
      assertEquals(new TreeSet<>(module.getValue()), linked, jar.getFileName() + " links the javadoc of every pgreach module it depends on");
    }
  }

  private static List<String> classifiers(String module) {
    return module.equals("privatelink") ? List.of("", "-sources", "-javadoc", "-cli") : List.of("", "-sources", "-javadoc");
  }

  private static Path jar(String module, String classifier) {
    Path jar = ROOT.resolve(module).resolve("target").resolve("pgreach-" + module + "-" + version() + classifier + ".jar");
    assertTrue(Files.isRegularFile(jar), "the build made " + jar.getFileName());
    return jar;
  }

  private static String version() {
    String v = System.getProperty("project.version");
    assertFalse(v == null || v.isEmpty(), "the build passes project.version");
    return v;
  }

  private static boolean javadocSkipped() {
    return Boolean.parseBoolean(System.getProperty("javadoc.skipped", "false"));
  }

  private static String text(ZipFile zip, String name) {
    ZipEntry e = zip.getEntry(name);
    assertNotNull(e, zip.getName() + " holds " + name);
    return new String(read(zip, e), StandardCharsets.UTF_8);
  }

  private static byte[] read(ZipFile zip, ZipEntry e) {
    try (InputStream in = zip.getInputStream(e)) {
      return in.readAllBytes();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }
}
