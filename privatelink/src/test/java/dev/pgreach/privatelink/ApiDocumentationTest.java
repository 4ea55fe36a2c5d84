package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.dns.DnsEstate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API's documentation: every component of a public record has an accessor of its own
 * with a description (not javadoc's generated "Returns the value of the … record component"; an
 * accessor that overrides an interface method inherits its description), the
 * Immutables style stays out of the API documentation, and no placeholder looks like real data.
 */
class ApiDocumentationTest {
  private static final List<String> MODULES = List.of("core", "dns", "firewall", "privatelink");
  private static final Pattern RECORD = Pattern.compile("(?m)^( *)((?:public |private |static |final )*)record (\\w+)\\s*\\(");

  private static Stream<Path> sources(String module) {
    Path root = Path.of("..", module, "src", "main", "java");
    try {
      return Files.walk(root).filter(p -> p.toString().endsWith(".java")).filter(p -> !p.toString().contains("testing")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a component list at top-level commas. */
  private static List<String> components(String list) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : list.toCharArray()) {
      if (c == '<' || c == '(') {
        depth++;
      } else if (c == '>' || c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().trim());
    }
    return out;
  }

  @Test
  void everyComponentOfAPublicRecord_hasADocumentedAccessorOfItsOwn() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String module : MODULES) {
      for (Path file : (Iterable<Path>) sources(module)::iterator) {
        if (file.toString().contains("/cli/")) {
          continue; // the command line's own types are not library API
        }
        String src = read(file);
        boolean inInterface = Pattern.compile("(?m)^public (sealed )?interface ").matcher(src).find();
        Matcher m = RECORD.matcher(src);
        while (m.find()) {
          boolean isPublic = m.group(2).contains("public") || (inInterface && m.group(1).length() == 2 && !m.group(2).contains("private"));
          if (!isPublic) {
            continue;
          }
          int open = m.end() - 1;
          int depth = 0;
          int close = open;
          for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
              close = i;
              break;
            }
          }
          for (String component : components(src.substring(open + 1, close))) {
            String name = component.substring(component.lastIndexOf(' ') + 1);
            checked++;
            Matcher accessor = Pattern.compile("(\\*/|@Override)\\s*public [^;{]*\\b" + name + "\\(\\)\\s*\\{").matcher(src);
            if (!accessor.find(close)) {
              missing.add(file.getFileName() + " " + m.group(3) + "." + name);
            }
          }
        }
      }
    }
    assertTrue(checked > 100, "the scan found the records: " + checked);
    assertEquals(List.of(), missing);
  }

  @Test
  void pgreachStyle_isLeftOutOfTheApiDocumentation() {
    String pom = read(Path.of("..", "pom.xml"));
    assertTrue(pom.contains("<sourceFileExclude>**/PgreachStyle.java</sourceFileExclude>"), "the javadoc configuration excludes the Immutables style");
  }

  @Test
  void placeholderPublicEndpointLabel_saysTheLabelIsNotKnown() {
    assertEquals("label-not-known", DnsEstate.PLACEHOLDER_PUBLIC_ENDPOINT_LABEL);
    assertTrue(dev.pgreach.dns.DnsName.isValid(DnsEstate.PLACEHOLDER_PUBLIC_ENDPOINT_LABEL));
  }
}
