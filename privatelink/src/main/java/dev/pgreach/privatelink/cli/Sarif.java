package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.Severity;
import dev.pgreach.privatelink.Comparison;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * SARIF 2.1.0 logs of {@code validate} and {@code compare}, for code-scanning tools: one rule per
 * stable code, with the code's documentation as its help; one result per finding or change, its
 * level from the severity, the ARM resource id as its logical location and the input file, line
 * and JSON path as its physical location; suppressed findings carry a suppression, and with a
 * baseline every result says whether it is new.
 */
final class Sarif {
  /** Where the documentation of every finding code is. */
  static final String CODES_URI = "https://github.com/pgreach/pgreach/blob/main/core/src/main/java/dev/pgreach/core/FindingCode.java";

  /** Where the command line is documented. */
  static final String CLI_URI = "https://github.com/pgreach/pgreach/blob/main/privatelink/README.md";

  private static final Properties DOCS = load();

  /** The codes of comparison results that are not findings, with their documentation. */
  static final Map<String, String> CHANGE_CODES = changeCodes();

  private Sarif() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Sarif.class.getResourceAsStream("finding-codes.properties")) {
      if (in == null) {
        throw new IllegalStateException("finding-codes.properties is missing from the class path");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("finding-codes.properties cannot be read", e);
    }
    return p;
  }

  private static Map<String, String> changeCodes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ACCESS_LOST", "A client that connected before the change does not connect after it (by host name, port 5432).");
    m.put("ACCESS_GAINED", "A client that did not connect before the change connects after it (by host name, port 5432).");
    m.put("ACCESS_CHANGED", "A client's answer changes between connected, blocked and indeterminate in a way that is neither a loss nor a gain of access.");
    m.put("EXPOSURE_GAINED", "Source addresses that could not reach a server before the change can after it: a rule or a route was widened.");
    m.put("EXPOSURE_LOST", "Source addresses that could reach a server before the change cannot after it.");
    return m;
  }

  /**
   * Returns the documentation of a finding code.
   *
   * @param code the code
   * @return its documentation, as its javadoc says it
   */
  static String documentation(FindingCode code) {
    String d = DOCS.getProperty(code.name());
    if (d == null) {
      throw new IllegalStateException("finding-codes.properties does not document " + code);
    }
    return d;
  }

  static String level(Severity s) {
    switch (s) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "note";
    }
  }

  /** A log of one run, with its rules still to add. */
  private static final class Run {
    final ObjectNode log = Reports.object();
    final ObjectNode driver;
    final ArrayNode rules;
    final ArrayNode results;
    final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    final Locations locations;
    final boolean baseline;

    Run(Locations locations, boolean baseline) {
      this.locations = locations;
      this.baseline = baseline;
      log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      log.put("version", "2.1.0");
      ObjectNode run = log.putArray("runs").addObject();
      driver = run.putObject("tool").putObject("driver");
      driver.put("name", "pgreach");
      driver.put("semanticVersion", Cli.version());
      driver.put("informationUri", CLI_URI);
      rules = driver.putArray("rules");
      ObjectNode invocation = run.putArray("invocations").addObject();
      invocation.put("executionSuccessful", true);
      results = run.putArray("results");
    }

    int rule(String id, String doc, String helpUri, String defaultLevel) {
      return ruleIndex.computeIfAbsent(id, k -> {
        ObjectNode r = rules.addObject();
        r.put("id", id);
        r.putObject("shortDescription").put("text", firstSentence(doc));
        r.putObject("fullDescription").put("text", doc);
        r.putObject("help").put("text", doc);
        r.put("helpUri", helpUri);
        r.putObject("defaultConfiguration").put("level", defaultLevel);
        return rules.size() - 1;
      });
    }

    ObjectNode result(String ruleId, int index, String level, String message, String resource, Optional<String> field) {
      ObjectNode x = results.addObject();
      x.put("ruleId", ruleId);
      x.put("ruleIndex", index);
      x.put("level", level);
      x.putObject("message").put("text", message);
      ObjectNode loc = x.putArray("locations").addObject();
      Optional<Locations.Place> place = locations.place(resource);
      ObjectNode physical = loc.putObject("physicalLocation");
      String file = place.map(Locations.Place::file).orElse(locations.files().isEmpty() ? "" : locations.files().get(0));
      physical.putObject("artifactLocation").put("uri", uri(file));
      if (place.isPresent()) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", place.get().line());
        region.put("startColumn", place.get().column());
        physical.putObject("properties").put("jsonPath", place.get().path() + field.map(f -> " (" + f + ")").orElse(""));
      }
      ObjectNode logical = loc.putArray("logicalLocations").addObject();
      logical.put("fullyQualifiedName", resource);
      logical.put("kind", "resource");
      return x;
    }
  }

  /**
   * The SARIF log of a validation.
   *
   * @param judged the findings, judged by the gates
   * @param locations where the resources are written
   * @param baseline whether a baseline was given
   * @return the log
   */
  static ObjectNode validation(List<Gates.Judged> judged, Locations locations, boolean baseline) {
    Run run = new Run(locations, baseline);
    for (Gates.Judged j : judged) {
      finding(run, j);
    }
    return run.log;
  }

  private static void finding(Run run, Gates.Judged j) {
    Finding f = j.finding();
    String level = level(f.severity());
    int index = run.rule(f.code().name(), documentation(f.code()), CODES_URI, level);
    ObjectNode x = run.result(f.code().name(), index, level, f.message(), f.resource(), Optional.of(f.field()));
    if (j.suppressedBy().isPresent()) {
      ObjectNode s = x.putArray("suppressions").addObject();
      s.put("kind", j.suppressedBy().get().startsWith("tag") ? "inSource" : "external");
      s.put("justification", "suppressed by " + j.suppressedBy().get());
    }
    if (run.baseline) {
      x.put("baselineState", j.inBaseline() ? "unchanged" : "new");
    }
    ObjectNode p = x.putObject("properties");
    p.put("field", f.field());
    p.put("value", f.value());
    p.put("fails", j.fails());
  }

  /**
   * The SARIF log of a comparison: the forbidden changes as findings, then each change of access.
   *
   * @param c the comparison
   * @param forbidden the forbidden changes, judged
   * @param failOn the changes that fail the job
   * @param locations where the resources of the estate after the change are written
   * @return the log
   */
  static ObjectNode comparison(Comparison c, List<Gates.Judged> forbidden, Set<Gates.Change> failOn, Locations locations) {
    Run run = new Run(locations, false);
    for (Gates.Judged j : forbidden) {
      finding(run, j);
    }
    for (Comparison.AccessChange a : c.accessChanges()) {
      String code = a.isLoss() ? "ACCESS_LOST" : Gates.isGain(a) ? "ACCESS_GAINED" : "ACCESS_CHANGED";
      Gates.Change kind = a.isLoss() ? Gates.Change.LOST : Gates.isGain(a) ? Gates.Change.GAINED : null;
      String level = kind != null && failOn.contains(kind) ? "error" : "warning";
      int index = run.rule(code, CHANGE_CODES.get(code), CLI_URI, "warning");
      ObjectNode x = run.result(code, index, level, a.toString(), a.server().toString(), Optional.empty());
      ObjectNode p = x.putObject("properties");
      p.put("client", a.client());
      p.put("fails", kind != null && failOn.contains(kind));
    }
    for (Comparison.ExposureChange e : c.exposureChanges()) {
      if (!e.gained().isEmpty()) {
        exposure(run, e, "EXPOSURE_GAINED", "gains " + e.gained(), failOn.contains(Gates.Change.GAINED));
      }
      if (!e.lost().isEmpty()) {
        exposure(run, e, "EXPOSURE_LOST", "loses " + e.lost(), failOn.contains(Gates.Change.LOST));
      }
    }
    return run.log;
  }

  private static void exposure(Run run, Comparison.ExposureChange e, String code, String what, boolean fails) {
    int index = run.rule(code, CHANGE_CODES.get(code), CLI_URI, "warning");
    ObjectNode x = run.result(code, index, fails ? "error" : "warning", e.server().name() + ", from " + e.place() + ": " + what, e.server().toString(), Optional.empty());
    ObjectNode p = x.putObject("properties");
    p.put("place", e.place());
    p.put("fails", fails);
  }

  private static String firstSentence(String doc) {
    int dot = doc.indexOf(". ");
    return dot < 0 ? doc : doc.substring(0, dot + 1);
  }

  /** A file name as a URI reference: separators as {@code /}, other characters percent-encoded. */
  static String uri(String file) {
    StringBuilder s = new StringBuilder();
    for (byte b : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        s.append(c);
      } else {
        s.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return s.toString();
  }
}
