package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Severity;
import dev.pgreach.core.Step;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.dns.ResolutionDisposition;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.arm.ArmImport;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How answers are written: text a person reads (the verdict first, then the numbered steps) and
 * JSON other tools read, with members always in the same order.
 */
final class Reports {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withArrayEmptySeparator("")
                  .withObjectEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private Reports() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The members every JSON output starts with: {@code schemaVersion}, then {@code command}. */
  static ObjectNode envelope(String command) {
    ObjectNode o = object();
    o.put("schemaVersion", Cli.SCHEMA_VERSION);
    o.put("command", command);
    return o;
  }

  /** The JSON object of an error: the status, the stable code, the message and where. */
  static ObjectNode error(String command, ExitStatus status, String code, String message, java.util.Optional<String> path) {
    ObjectNode o = envelope(command);
    ObjectNode e = o.putObject("error");
    e.put("status", status.code());
    e.put("code", code);
    e.put("message", message);
    if (path.isPresent()) {
      e.put("path", path.get());
    } else {
      e.putNull("path");
    }
    return o;
  }

  /** A JSON object on one line, for JSON lines. */
  static String line(ObjectNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON line could not be written", e);
    }
  }

  static String write(ObjectNode json) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON report could not be written", e);
    }
  }

  // ------------------------------------------------------------------ check

  static ObjectNode connection(Connection c, String profile, Instant at) {
    ObjectNode o = object();
    o.put("verdict", Connection.headline(c.disposition()));
    o.put("disposition", c.disposition().name());
    o.put("client", c.client().name());
    o.put("target", c.target());
    o.put("port", c.port());
    if (c.server().isPresent()) {
      o.put("server", c.server().get().toString());
    } else {
      o.putNull("server");
    }
    o.put("profile", profile);
    o.put("at", at.toString());
    int deciding = c.decidingStep().map(s -> c.steps().indexOf(s) + 1).orElse(0);
    if (deciding > 0) {
      o.put("decidingStep", deciding);
    } else {
      o.putNull("decidingStep");
    }
    steps(o.putArray("steps"), c.steps());
    if (c.resolution().isPresent()) {
      resolution(o.putObject("resolution"), c.resolution().get());
    } else {
      o.putNull("resolution");
    }
    return o;
  }

  private static void steps(ArrayNode a, List<? extends Step> steps) {
    int n = 1;
    for (Step s : steps) {
      ObjectNode o = a.addObject();
      o.put("n", n++);
      o.put("code", s.code().name());
      o.put("effect", s.effect().name());
      o.put("subject", s.subject());
      o.put("reason", s.reason());
    }
  }

  private static void resolution(ObjectNode o, Resolution r) {
    o.put("name", r.name().toString());
    o.put("disposition", r.disposition().name());
    ArrayNode aliases = o.putArray("aliases");
    r.aliases().forEach((DnsName d) -> aliases.add(d.toString()));
    ArrayNode addresses = o.putArray("addresses");
    r.addresses().forEach((Ipv4Address a) -> addresses.add(a.toString()));
    if (r.publicEndpoint().isPresent()) {
      o.put("publicEndpoint", r.publicEndpoint().get().toString());
    } else {
      o.putNull("publicEndpoint");
    }
    if (r.serverAddressUnknown().isPresent()) {
      o.put("serverAddressUnknown", r.serverAddressUnknown().get().toString());
    } else {
      o.putNull("serverAddressUnknown");
    }
  }

  // ------------------------------------------------------------------ resolve

  /** The word a person reads for how a resolution ended. */
  static String headline(ResolutionDisposition d) {
    switch (d) {
      case ADDRESS:
      case PUBLIC_ENDPOINT:
        return "RESOLVED";
      case NXDOMAIN:
        return "NXDOMAIN";
      case FAILURE:
        return "FAILED";
      default:
        return "UNKNOWN";
    }
  }

  static String resolutionText(String client, Resolution r) {
    StringBuilder s = new StringBuilder(headline(r.disposition())).append(": ").append(client).append(" -> ").append(r.name());
    switch (r.disposition()) {
      case ADDRESS:
        s.append(" = ").append(r.addresses().stream().map(Object::toString).collect(Collectors.joining(", ")));
        break;
      case PUBLIC_ENDPOINT:
        s.append(" = the public endpoint of ").append(r.publicEndpoint().orElseThrow().name()).append(" (address not known)");
        break;
      default:
        r.serverAddressUnknown().ifPresent(server -> s.append(" = the private address of ").append(server.name()).append(" (not known)"));
        break;
    }
    if (r.aliases().size() > 1) {
      s.append("\n  aliases: ").append(r.aliases().stream().map(Object::toString).collect(Collectors.joining(" -> ")));
    }
    int n = 1;
    for (Step step : r.steps()) {
      s.append("\n  ").append(n++).append(". [").append(step.code()).append("] ").append(step.reason());
    }
    return s.toString();
  }

  static ObjectNode resolutionJson(String client, Resolution r, String profile) {
    ObjectNode o = object();
    o.put("result", headline(r.disposition()));
    o.put("client", client);
    o.put("profile", profile);
    resolution(o, r);
    steps(o.putArray("steps"), r.steps());
    return o;
  }

  // ------------------------------------------------------------------ validate

  private static Map<Severity, Integer> counts(List<Gates.Judged> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    findings.forEach(f -> counts.merge(f.finding().severity(), 1, Integer::sum));
    return counts;
  }

  /** A finding on one line, with what the gates made of it. */
  static String judgedLine(Gates.Judged j) {
    StringBuilder s = new StringBuilder(j.finding().toString());
    j.suppressedBy().ifPresent(by -> s.append(" [suppressed by ").append(by).append(']'));
    if (j.inBaseline()) {
      s.append(" [in the baseline]");
    }
    return s.toString();
  }

  static String validationText(List<Gates.Judged> findings, ArmImport imported, Gates.Threshold threshold) {
    Map<Severity, Integer> c = counts(findings);
    long failing = findings.stream().filter(Gates.Judged::fails).count();
    StringBuilder s = new StringBuilder();
    if (findings.isEmpty()) {
      s.append("VALID: no findings");
    } else {
      s.append(failing == 0 ? "VALID: " : "FINDINGS: ")
          .append(plural(c.get(Severity.ERROR), "error", "errors"))
          .append(", ")
          .append(plural(c.get(Severity.WARNING), "warning", "warnings"))
          .append(", ")
          .append(plural(c.get(Severity.ADVICE), "piece of advice", "pieces of advice"))
          .append("; ")
          .append(failing)
          .append(" failing (--fail-on ")
          .append(threshold.word())
          .append(')');
      long suppressed = findings.stream().filter(j -> j.suppressedBy().isPresent()).count();
      long known = findings.stream().filter(Gates.Judged::inBaseline).count();
      if (suppressed > 0) {
        s.append(", ").append(suppressed).append(" suppressed");
      }
      if (known > 0) {
        s.append(", ").append(known).append(" in the baseline");
      }
    }
    int n = 1;
    for (Gates.Judged j : findings) {
      s.append("\n  ").append(n++).append(". ").append(judgedLine(j));
    }
    s.append('\n').append(importText(imported));
    return s.toString();
  }

  static String importText(ArmImport imported) {
    StringBuilder s = new StringBuilder("Read ").append(plural(imported.resourceCount(), "resource", "resources"));
    if (imported.skippedTypes().isEmpty()) {
      s.append("; none skipped.");
    } else {
      int skipped = imported.skippedTypes().values().stream().mapToInt(Integer::intValue).sum();
      s.append("; skipped ")
          .append(skipped)
          .append(" of types pgreach does not model (")
          .append(imported.skippedTypes().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")))
          .append(").");
    }
    for (String note : imported.notes()) {
      s.append("\n  note: ").append(note);
    }
    return s.toString();
  }

  static ObjectNode validationJson(List<Gates.Judged> findings, ArmImport imported, String profile, Gates.Threshold threshold) {
    ObjectNode o = object();
    boolean failed = findings.stream().anyMatch(Gates.Judged::fails);
    o.put("result", failed ? "FINDINGS" : "VALID");
    o.put("profile", profile);
    o.put("failOn", threshold.word());
    o.put("failed", failed);
    ObjectNode counts = o.putObject("counts");
    counts(findings).forEach((k, v) -> counts.put(k.name(), v));
    o.set("findings", judgedArray(findings));
    ObjectNode i = o.putObject("import");
    i.put("resources", imported.resourceCount());
    ObjectNode skipped = i.putObject("skippedTypes");
    imported.skippedTypes().forEach(skipped::put);
    ArrayNode notes = i.putArray("notes");
    imported.notes().forEach(notes::add);
    return o;
  }

  /** Findings as a JSON array, each with {@code suppressed} (why, or null), {@code baseline} and {@code fails}. */
  static ArrayNode judgedArray(List<Gates.Judged> findings) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Gates.Judged j : findings) {
      ObjectNode x = a.addObject();
      finding(x, j.finding());
      if (j.suppressedBy().isPresent()) {
        x.put("suppressed", j.suppressedBy().get());
      } else {
        x.putNull("suppressed");
      }
      x.put("baseline", j.inBaseline());
      x.put("fails", j.fails());
    }
    return a;
  }

  /** The gate of a comparison: what fails it, and what did. */
  static void gate(ObjectNode o, java.util.Set<Gates.Change> failOn, java.util.Set<Gates.Change> tripped) {
    ArrayNode f = o.putArray("failOn");
    failOn.forEach(c -> f.add(c.word()));
    ArrayNode t = o.putArray("failed");
    tripped.forEach(c -> t.add(c.word()));
  }

  /** The notes of the imports, in order. */
  static void notes(ObjectNode o, List<ArmImport> imports) {
    ArrayNode a = o.putArray("notes");
    imports.forEach(i -> i.notes().forEach(a::add));
  }

  private static void finding(ObjectNode x, Finding f) {
    x.put("code", f.code().name());
    x.put("severity", f.severity().name());
    x.put("resource", f.resource());
    x.put("field", f.field());
    x.put("value", f.value());
    x.put("message", f.message());
  }

  private static String plural(int n, String one, String many) {
    return String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many);
  }

  /** An address set as a JSON array of its canonical ranges, each a CIDR prefix where it is one. */
  private static void addresses(ArrayNode a, dev.pgreach.core.AddressSet set) {
    for (dev.pgreach.core.Ipv4Range r : set.ranges()) {
      a.add(r.isPrefix() && r.size() > 1 ? r.toPrefixes().get(0).toString() : r.toString());
    }
  }

  static ObjectNode exposureJson(dev.pgreach.privatelink.Exposure x, String profile) {
    ObjectNode o = object();
    o.put("server", x.server().toString());
    o.put("port", x.port());
    o.put("profile", profile);
    o.put("at", x.at().toString());
    dev.pgreach.privatelink.ExposureMatrix.writeSources(o, x);
    return o;
  }

  static ObjectNode comparisonJson(dev.pgreach.privatelink.Comparison c, String profile, Instant at) {
    ObjectNode o = object();
    o.put("profile", profile);
    o.put("at", at.toString());
    ArrayNode forbidden = o.putArray("forbiddenChanges");
    for (Finding f : c.forbiddenChanges()) {
      finding(forbidden.addObject(), f);
    }
    ArrayNode migrations = o.putArray("migrations");
    for (Finding f : c.migrations()) {
      finding(migrations.addObject(), f);
    }
    ArrayNode access = o.putArray("accessChanges");
    for (dev.pgreach.privatelink.Comparison.AccessChange a : c.accessChanges()) {
      ObjectNode x = access.addObject();
      x.put("client", a.client());
      x.put("server", a.server().toString());
      x.put("before", Connection.headline(a.before().disposition()));
      x.put("after", Connection.headline(a.after().disposition()));
      if (a.after().decidingStep().isPresent()) {
        x.put("decidingCode", a.after().decidingStep().get().code().name());
        x.put("decidingReason", a.after().decidingStep().get().reason());
      } else {
        x.putNull("decidingCode");
        x.putNull("decidingReason");
      }
    }
    ArrayNode exposure = o.putArray("exposureChanges");
    for (dev.pgreach.privatelink.Comparison.ExposureChange e : c.exposureChanges()) {
      ObjectNode x = exposure.addObject();
      x.put("server", e.server().toString());
      x.put("place", e.place());
      addresses(x.putArray("gained"), e.gained());
      addresses(x.putArray("lost"), e.lost());
    }
    return o;
  }

  static String comparisonText(dev.pgreach.privatelink.Comparison c, java.util.Set<Gates.Change> tripped) {
    StringBuilder s = new StringBuilder(tripped.isEmpty() ? "SAFE" : "FAILS (" + Verdicts.words(tripped) + ")");
    s.append(": ").append(plural(c.forbiddenChanges().size(), "forbidden change", "forbidden changes"))
        .append(", ").append(plural(c.accessChanges().size(), "access change", "access changes"))
        .append(", ").append(plural(c.exposureChanges().size(), "exposure change", "exposure changes"));
    int n = 1;
    for (Finding f : c.forbiddenChanges()) {
      s.append("\n  ").append(n++).append(". ").append(f);
    }
    for (Finding f : c.migrations()) {
      s.append("\n  ").append(n++).append(". ").append(f);
    }
    for (dev.pgreach.privatelink.Comparison.AccessChange a : c.accessChanges()) {
      s.append("\n  ").append(n++).append(". ").append(a);
    }
    for (dev.pgreach.privatelink.Comparison.ExposureChange e : c.exposureChanges()) {
      s.append("\n  ").append(n++).append(". ").append(e.server().name()).append(", from ").append(e.place()).append(':');
      if (!e.gained().isEmpty()) {
        s.append(" gains ").append(e.gained());
      }
      if (!e.lost().isEmpty()) {
        s.append(" loses ").append(e.lost());
      }
    }
    return s.toString();
  }
}
