package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgreach.core.FindingCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SARIF help of every finding code is its javadoc: the bundled text may never drift from the source. */
class FindingCodeDocsTest {
  private static final java.util.Properties DOCS = load();

  private static java.util.Properties load() {
    java.util.Properties p = new java.util.Properties();
    try (java.io.InputStream in = Sarif.class.getResourceAsStream("finding-codes.properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return p;
  }

  @Test
  void everyCode_isDocumented_asItsJavadocSays() throws IOException {
    String source = Files.readString(Path.of("../core/src/main/java/dev/pgreach/core/FindingCode.java"), StandardCharsets.UTF_8);
    Map<String, String> javadoc = new LinkedHashMap<>();
    Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*\\n\\s*([A-Z_]+)\\(Severity", Pattern.DOTALL).matcher(source);
    while (m.find()) {
      String text = m.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ").replaceAll("\\{@(?:code|link)\\s+([^}]*)\\}", "$1").strip();
      javadoc.put(m.group(2), text);
    }
    assertEquals(FindingCode.values().length, javadoc.size(), "every code has a javadoc comment");
    assertEquals(new java.util.TreeSet<>(javadoc.keySet()), new java.util.TreeSet<>(DOCS.stringPropertyNames()), "a line for every code, and for no other");
    for (FindingCode code : FindingCode.values()) {
      assertEquals(javadoc.get(code.name()), DOCS.getProperty(code.name()), code.name() + ": cli/finding-codes.properties holds the javadoc of every FindingCode, as the SARIF help; add or update its line");
    }
  }
}
