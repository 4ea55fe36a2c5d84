package dev.pgreach.privatelink.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JUnit XML reports, the format CI systems show as tests: one suite, one test case per question or
 * finding code, a failure for each that fails the job.
 */
final class JUnitXml {
  /**
   * One test case.
   *
   * @param name its name
   * @param failure the failure's one-line message, if it fails
   * @param detail what is printed under it (the steps or the findings)
   */
  record Case(String name, Optional<String> failure, String detail) {}

  private final String suite;
  private final List<Case> cases = new ArrayList<>();

  JUnitXml(String suite) {
    this.suite = suite;
  }

  JUnitXml add(String name, Optional<String> failure, String detail) {
    cases.add(new Case(name, failure, detail));
    return this;
  }

  /** The report, as XML text. */
  String write() {
    long failures = cases.stream().filter(c -> c.failure().isPresent()).count();
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<testsuites name=\"pgreach\" tests=\"").append(cases.size()).append("\" failures=\"").append(failures).append("\" errors=\"0\">\n");
    s.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(cases.size()).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
    for (Case c : cases) {
      s.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(c.name())).append('"');
      if (c.failure().isEmpty() && c.detail().isEmpty()) {
        s.append("/>\n");
        continue;
      }
      s.append(">\n");
      if (c.failure().isPresent()) {
        s.append("      <failure message=\"").append(escape(c.failure().get())).append("\">").append(escape(c.detail())).append("</failure>\n");
      } else {
        s.append("      <system-out>").append(escape(c.detail())).append("</system-out>\n");
      }
      s.append("    </testcase>\n");
    }
    s.append("  </testsuite>\n</testsuites>");
    return s.toString();
  }

  /** Text as XML character data or an attribute value; characters XML 1.0 cannot hold become U+FFFD. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          s.append("&amp;");
          break;
        case '<':
          s.append("&lt;");
          break;
        case '>':
          s.append("&gt;");
          break;
        case '"':
          s.append("&quot;");
          break;
        case '\n':
          s.append("&#10;");
          break;
        default:
          if (c < 0x20 && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            s.append('\uFFFD');
          } else {
            s.append(c);
          }
      }
    }
    return s.toString();
  }
}
