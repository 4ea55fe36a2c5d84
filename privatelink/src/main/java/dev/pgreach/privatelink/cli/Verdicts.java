package dev.pgreach.privatelink.cli;

import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.intent.IntentReport;
import dev.pgreach.privatelink.intent.Intents;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.ExposureMatrix;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.firewall.FirewallThresholds;
import dev.pgreach.privatelink.Comparison;
import dev.pgreach.privatelink.EstateValidation;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The commands CI gates on: {@code validate} and {@code compare}, in every format. */
final class Verdicts {
  private Verdicts() {}

  private static List<Gates.Suppression> suppressions(Options o) {
    return o.all("--suppress").stream().map(Gates.Suppression::parse).collect(Collectors.toList());
  }

  static ExitStatus validate(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.VALIDATE_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.TEXT, Format.JSON, Format.SARIF, Format.JUNIT);
    ServiceProfile profile = Inputs.profile(o);
    Gates.Threshold threshold = Gates.Threshold.parse(o.get("--fail-on"));
    List<Gates.Suppression> suppressions = suppressions(o);
    FirewallThresholds firewallThresholds = firewallThresholds(o);
    Set<String> baseline = Gates.baseline(o.get("--baseline"));
    Inputs.Loaded loaded = Inputs.estate(o, true);
    List<Finding> findings = new java.util.ArrayList<>(refusals(loaded.imported()));
    findings.addAll(Questions.data(() -> EstateValidation.validate(loaded.imported().estate(), profile, firewallThresholds)));
    Locations locations = Locations.of(loaded.documents());
    List<Gates.Judged> judged = Gates.judge(findings, f -> threshold.fails(f.severity()), suppressions, baseline, locations);
    boolean failed = judged.stream().anyMatch(Gates.Judged::fails);
    switch (format) {
      case JSON:
        out.println(Reports.write(Reports.envelope("validate").setAll(Reports.validationJson(judged, loaded.imported(), profile.name(), threshold))));
        break;
      case SARIF:
        out.println(Reports.write(Sarif.validation(judged, locations, o.has("--baseline"))));
        break;
      case JUNIT:
        out.println(validationJUnit(judged, threshold));
        break;
      default:
        out.println(Reports.validationText(judged, loaded.imported(), threshold));
        break;
    }
    return failed ? ExitStatus.NEGATIVE : ExitStatus.OK;
  }

  /** The most public addresses a threshold can sensibly name: every IPv4 address. */
  static final long MAX_ADDRESSES = 1L << 32;

  /**
   * The firewall posture thresholds of {@code validate}: {@code --max-firewall-rules N} and
   * {@code --max-firewall-public-addresses N}, each off when absent. They are a run's policy, like
   * {@code --fail-on}, not a fact of the estate, so the companion document does not carry them.
   */
  static FirewallThresholds firewallThresholds(Options o) {
    FirewallThresholds t = FirewallThresholds.none();
    Optional<String> rules = o.get("--max-firewall-rules");
    if (rules.isPresent()) {
      t = t.withMaxRules((int) wholeNumber("--max-firewall-rules", rules.get(), Integer.MAX_VALUE, "firewall rules a server may have"));
    }
    Optional<String> addresses = o.get("--max-firewall-public-addresses");
    if (addresses.isPresent()) {
      t = t.withMaxPublicAddresses(wholeNumber("--max-firewall-public-addresses", addresses.get(), MAX_ADDRESSES, "public addresses a server's firewall rules may admit; " + MAX_ADDRESSES + " is every IPv4 address"));
    }
    return t;
  }

  private static long wholeNumber(String option, String text, long max, String what) {
    if (text.matches("[0-9]{1,19}")) {
      try {
        long v = Long.parseLong(text);
        if (v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // above Long.MAX_VALUE: reported below like any other number out of range
      }
    }
    throw CommandFailure.option(option, "validate: " + option + " (" + text + ") must be a whole number from 0 to " + max + ": the most " + what);
  }

  /** One test case per finding code (every code, so that a report lists what was checked); a code fails when one of its findings does. */
  private static String validationJUnit(List<Gates.Judged> judged, Gates.Threshold threshold) {
    JUnitXml x = new JUnitXml("pgreach validate");
    for (FindingCode code : FindingCode.values()) {
      List<Gates.Judged> of = judged.stream().filter(j -> j.finding().code() == code).collect(Collectors.toList());
      long failing = of.stream().filter(Gates.Judged::fails).count();
      String detail = of.stream().map(Reports::judgedLine).collect(Collectors.joining("\n"));
      x.add(code.name(), failing == 0 ? Optional.empty() : Optional.of(failing + " " + code.severity() + " finding" + (failing == 1 ? "" : "s") + " (--fail-on " + threshold.word() + ")"), detail);
    }
    return x.write();
  }

  /** The resources the import left out because Azure would refuse them, as findings at their paths. */
  static List<Finding> refusals(dev.pgreach.privatelink.arm.ArmImport imported) {
    List<Finding> out = new java.util.ArrayList<>();
    for (PgreachException e : imported.refused()) {
      String message = String.valueOf(e.getMessage());
      int end = message.indexOf(' ');
      String path = end < 0 ? message : message.substring(0, end);
      // the resource is the innermost one: a nested deployment's template holds resources of its own
      int nested = path.lastIndexOf(".properties.template.");
      int from = nested < 0 ? 0 : nested + ".properties.template".length();
      boolean parameter = path.matches("(.*\\.template)?\\$?\\.parameters(\\.|\\[).*") || path.startsWith("$.parameters");
      int cut = parameter ? -1 : resourceEnd(path, from);
      String resource = cut > 0 ? path.substring(0, cut) : path;
      String field = cut > 0 && cut < path.length() ? path.substring(cut + (path.charAt(cut) == '.' ? 1 : 0)) : parameter ? "value" : "resource";
      out.add(
          Finding.of(
              FindingCode.INPUT_REFUSED,
              resource,
              field,
              e.code(),
              (parameter
                      ? "Azure would refuse this parameter value, so the parameter is read as unknown and what depends on it is indeterminate: "
                      : "Azure would refuse this resource, so it is left out of the estate and what refers to it is outside the input: ")
                  + e.code() + ": " + message));
    }
    return out;
  }

  /**
   * Where a resource's own path ends in a problem's path: after a template's {@code
   * resources[i]} or {@code resources.name} (searched from {@code from}, the innermost template),
   * else before a document's {@code .properties}; -1 when neither is there.
   */
  private static int resourceEnd(String path, int from) {
    int at = path.indexOf(".resources", from);
    if (at >= 0 && at + ".resources".length() < path.length()) {
      int i = at + ".resources".length();
      if (path.charAt(i) == '[') {
        int close = path.indexOf(']', path.charAt(i + 1) == '\'' ? path.indexOf('\'', i + 2) : i);
        return close < 0 ? -1 : close + 1;
      }
      if (path.charAt(i) == '.') {
        int j = i + 1;
        while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        return j;
      }
    }
    return path.indexOf(".properties", from);
  }

  /** {@code matrix}: who can reach every server, as JSON or CSV. */
  static ExitStatus matrix(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.MATRIX_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.JSON, Format.CSV);
    ServiceProfile profile = Inputs.profile(o);
    int port = Cli.port(o.get("--port").orElse("5432"));
    Inputs.Loaded loaded = Inputs.estate(o);
    Instant at = Inputs.instant(o, loaded.imported());
    ExposureMatrix m = Questions.data(() -> Connectivity.of(loaded.imported().estate(), profile).matrix(port, at));
    if (format == Format.CSV) {
      out.print(m.toCsv());
    } else {
      com.fasterxml.jackson.databind.node.ObjectNode json = Reports.envelope("matrix");
      m.writeTo(json);
      json.put("result", m.isDecided() ? "DECIDED" : "UNDECIDED");
      com.fasterxml.jackson.databind.node.ArrayNode notes = json.putArray("notes");
      loaded.imported().notes().forEach(notes::add);
      out.println(Reports.write(json));
    }
    return ExitStatus.OK;
  }

  /** {@code verify}: does the estate satisfy a file of reachability intents? */
  static ExitStatus verify(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.VERIFY_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.TEXT, Format.SARIF);
    ServiceProfile profile = Inputs.profile(o);
    String file = o.require("--intents");
    String text = Inputs.readFile(file, Inputs.MAX_FILE_SIZE);
    Inputs.Loaded loaded;
    try {
      loaded = Inputs.estate(o);
    } catch (CommandFailure f) {
      // the intents file's own problems come first: they do not depend on the estate
      try {
        Intents.parse(text);
      } catch (PgreachException e) {
        throw Inputs.dataError("cannot use " + file, file, e);
      }
      throw f;
    }
    Intents intents;
    try {
      intents = Intents.parse(text, loaded.imported().estate());
    } catch (PgreachException e) {
      throw Inputs.dataError("cannot use " + file, file, e);
    }
    Instant at = Inputs.instant(o, loaded.imported());
    IntentReport report = Questions.data(() -> intents.verify(loaded.imported().estate(), profile, at));
    out.println(format == Format.SARIF ? report.toSarif() : report.explanation());
    switch (report.status()) {
      case SATISFIED:
        return ExitStatus.OK;
      case VIOLATED:
        return ExitStatus.NEGATIVE;
      default:
        return ExitStatus.INDETERMINATE;
    }
  }

  static ExitStatus compare(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.COMPARE_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.TEXT, Format.JSON, Format.SARIF, Format.JUNIT);
    ServiceProfile profile = Inputs.profile(o);
    Set<Gates.Change> failOn = Gates.Change.parse(o.get("--fail-on"));
    List<Gates.Suppression> suppressions = suppressions(o);
    Inputs.Loaded before;
    Inputs.Loaded after;
    if (o.has("--plan")) {
      if (o.has("--before") || o.has("--after")) {
        throw CommandFailure.option("--plan", "--plan gives both sides: it takes neither --before nor --after");
      }
      Inputs.Loaded[] sides = Inputs.plan(o.require("--plan"), o.get("--companion"));
      before = sides[0];
      after = sides[1];
    } else {
      String beforeFile = o.require("--before");
      String afterFile = o.require("--after");
      before = Inputs.read(beforeFile, o.get("--companion"));
      after = Inputs.read(afterFile, o.get("--companion"));
    }
    Instant at = Inputs.instant(o, before.imported());
    Comparison comparison = Questions.data(() -> Comparison.of(before.imported().estate(), after.imported().estate(), profile, at));
    Locations locations = Locations.of(after.documents());
    List<Gates.Judged> forbidden =
        Gates.judge(comparison.forbiddenChanges(), f -> failOn.contains(Gates.Change.FORBIDDEN), suppressions, Set.of(), locations);
    Set<Gates.Change> tripped = Gates.tripped(comparison, forbidden, failOn);
    switch (format) {
      case JSON:
        {
          ObjectNode report = Reports.envelope("compare").setAll(Reports.comparisonJson(comparison, profile.name(), at));
          report.set("forbiddenChanges", Reports.judgedArray(forbidden));
          Reports.gate(report, failOn, tripped);
          Reports.notes(report, List.of(before.imported(), after.imported()));
          out.println(Reports.write(report));
          break;
        }
      case SARIF:
        out.println(Reports.write(Sarif.comparison(comparison, forbidden, failOn, locations)));
        break;
      case JUNIT:
        {
          JUnitXml x = new JUnitXml("pgreach compare");
          String text = Reports.comparisonText(comparison, tripped);
          for (Gates.Change c : Gates.Change.values()) {
            boolean happened = Gates.tripped(comparison, forbidden, Set.of(c)).contains(c);
            x.add(c.word(), happened && failOn.contains(c) ? Optional.of(c.word() + " changes (--fail-on " + words(failOn) + ")") : Optional.empty(), happened ? text : "");
          }
          out.println(x.write());
          break;
        }
      default:
        out.println(Reports.comparisonText(comparison, tripped));
        for (Gates.Judged j : forbidden) {
          if (j.suppressedBy().isPresent()) {
            out.println("  suppressed: " + Reports.judgedLine(j));
          }
        }
        break;
    }
    return tripped.isEmpty() ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  static String words(Set<Gates.Change> changes) {
    if (changes.isEmpty()) {
      return "never";
    }
    List<String> w = new ArrayList<>();
    Arrays.stream(Gates.Change.values()).filter(changes::contains).forEach(c -> w.add(c.word()));
    return String.join(",", w);
  }
}
