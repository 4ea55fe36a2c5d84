package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a command fails a CI job: {@code validate --fail-on}, {@code compare --fail-on}, a baseline
 * of findings already known ({@code --baseline}), and suppressions ({@code --suppress} and the
 * {@value Locations#SUPPRESS_TAG} resource tag). A suppressed finding or one in the baseline is
 * still reported, marked, and never fails the job.
 */
final class Gates {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Gates() {}

  /** The least severity that fails {@code validate}. */
  enum Threshold {
    /** Only errors fail (the default). */
    ERROR,
    /** Errors and warnings fail. */
    WARNING,
    /** Every finding fails. */
    ADVICE,
    /** Nothing fails. */
    NEVER;

    /** Whether a finding of this severity fails under this threshold. */
    boolean fails(Severity s) {
      switch (this) {
        case ERROR:
          return s == Severity.ERROR;
        case WARNING:
          return s != Severity.ADVICE;
        case ADVICE:
          return true;
        default:
          return false;
      }
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Threshold parse(Optional<String> text) {
      String t = text.orElse("error");
      for (Threshold x : values()) {
        if (x.word().equals(t)) {
          return x;
        }
      }
      throw CommandFailure.option("--fail-on", "validate: --fail-on (" + t + ") must be error, warning, advice or never");
    }
  }

  /** What going from one estate to another may do that fails {@code compare}. */
  enum Change {
    /** A change Azure forbids after creation. */
    FORBIDDEN,
    /** A client loses access, or sources lose access to a server. */
    LOST,
    /** A client gains access, or sources gain access to a server (a rule widened). */
    GAINED;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The changes {@code --fail-on} names: a comma-separated list, or {@code never}; all three by default. */
    static Set<Change> parse(Optional<String> text) {
      if (text.isEmpty()) {
        return EnumSet.allOf(Change.class);
      }
      if (text.get().equals("never")) {
        return EnumSet.noneOf(Change.class);
      }
      Set<Change> set = EnumSet.noneOf(Change.class);
      for (String w : text.get().split(",", -1)) {
        Change c =
            Arrays.stream(values())
                .filter(x -> x.word().equals(w.strip()))
                .findFirst()
                .orElseThrow(
                    () -> CommandFailure.option("--fail-on", "compare: --fail-on (" + text.get() + ") must be forbidden, lost and gained, comma-separated, or never"));
        set.add(c);
      }
      return set;
    }
  }

  /**
   * One {@code --suppress CODE[:RESOURCE]}: a finding code, and optionally the resource (an ARM id;
   * the suppression covers it and everything under it).
   *
   * @param code the code
   * @param resource the resource id, lower case, if given
   */
  record Suppression(FindingCode code, Optional<String> resource) {
    static Suppression parse(String text) {
      int colon = text.indexOf(':');
      String code = colon < 0 ? text : text.substring(0, colon);
      Optional<String> resource = colon < 0 ? Optional.empty() : Optional.of(text.substring(colon + 1).toLowerCase(Locale.ROOT));
      FindingCode c;
      try {
        c = FindingCode.valueOf(code.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw CommandFailure.option(
            "--suppress",
            "--suppress (" + text + "): " + code + " is not a finding code"
                + Suggestions.didYouMean(code, Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toList())));
      }
      if (resource.isPresent() && !resource.get().startsWith("/")) {
        throw CommandFailure.option("--suppress", "--suppress (" + text + "): the resource after the code must be an ARM resource id, starting with /subscriptions/");
      }
      return new Suppression(c, resource);
    }

    boolean covers(Finding f) {
      if (f.code() != code) {
        return false;
      }
      if (resource.isEmpty()) {
        return true;
      }
      String r = f.resource().toLowerCase(Locale.ROOT);
      String id = resource.get();
      return r.equals(id) || r.startsWith(id + "/") || r.startsWith(id + ".");
    }

    String text() {
      return code + resource.map(r -> ":" + r).orElse("");
    }
  }

  /**
   * A finding with what the gates made of it.
   *
   * @param finding the finding
   * @param suppressedBy why it is suppressed ({@code --suppress CODE} or {@code tag pgreach-suppress}), if it is
   * @param inBaseline whether the baseline lists it already
   * @param fails whether it fails the job
   */
  record Judged(Finding finding, Optional<String> suppressedBy, boolean inBaseline, boolean fails) {}

  /** The findings a baseline file lists, by code, resource and field. */
  static Set<String> baseline(Optional<String> file) {
    if (file.isEmpty()) {
      return Set.of();
    }
    String text = Inputs.readFile(file.get(), Inputs.MAX_FILE_SIZE);
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CommandFailure(
          ExitStatus.DATA_ERROR, "INVALID_INPUT", file.get(), "cannot use " + file.get() + " as a baseline: it is not JSON: " + dev.pgreach.privatelink.arm.JsonSyntax.describe(e, text));
    }
    JsonNode findings = root == null ? null : root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new CommandFailure(
          ExitStatus.DATA_ERROR, "MISSING_ATTRIBUTE", file.get() + " $.findings", "cannot use " + file.get() + " as a baseline: $.findings is missing; give the output of 'pgreach validate --format json'");
    }
    Set<String> keys = new HashSet<>();
    int i = 0;
    for (JsonNode f : findings) {
      JsonNode code = f.get("code");
      JsonNode resource = f.get("resource");
      JsonNode field = f.get("field");
      if (code == null || !code.isTextual() || resource == null || !resource.isTextual() || field == null || !field.isTextual()) {
        throw new CommandFailure(
            ExitStatus.DATA_ERROR, "MISSING_ATTRIBUTE", file.get() + " $.findings[" + i + "]", "cannot use " + file.get() + " as a baseline: $.findings[" + i + "] needs the strings code, resource and field");
      }
      keys.add(key(code.asText(), resource.asText(), field.asText()));
      i++;
    }
    return keys;
  }

  private static String key(String code, String resource, String field) {
    return code + "\u0000" + resource.toLowerCase(Locale.ROOT) + "\u0000" + field;
  }

  /**
   * Judges findings.
   *
   * @param findings the findings
   * @param fails which of them would fail the job, before suppression and baseline
   * @param suppressions the {@code --suppress} options
   * @param baseline the baseline's keys
   * @param locations where the tags are
   * @return the findings, in order, judged
   */
  static List<Judged> judge(
      List<Finding> findings, java.util.function.Predicate<Finding> fails, List<Suppression> suppressions, Set<String> baseline, Locations locations) {
    List<Judged> out = new ArrayList<>();
    for (Finding f : findings) {
      Optional<String> by = suppressions.stream().filter(s -> s.covers(f)).findFirst().map(s -> "--suppress " + s.text());
      if (by.isEmpty()) {
        List<String> tagged = locations.suppressed(f.resource());
        if (tagged.contains("*") || tagged.contains(f.code().name())) {
          by = Optional.of("tag " + Locations.SUPPRESS_TAG);
        }
      }
      boolean known = baseline.contains(key(f.code().name(), f.resource(), f.field()));
      out.add(new Judged(f, by, known, by.isEmpty() && !known && fails.test(f)));
    }
    return out;
  }

  /** Whether a client connects after a change and did not before. */
  static boolean isGain(dev.pgreach.privatelink.Comparison.AccessChange a) {
    return a.after().disposition() == dev.pgreach.core.Disposition.ALLOWED && a.before().disposition() != dev.pgreach.core.Disposition.ALLOWED;
  }

  /** Which changes of a comparison fail the job under {@code --fail-on}. */
  static Set<Change> tripped(dev.pgreach.privatelink.Comparison c, List<Judged> forbidden, Set<Change> failOn) {
    Set<Change> t = EnumSet.noneOf(Change.class);
    if (forbidden.stream().anyMatch(j -> j.suppressedBy().isEmpty() && !j.inBaseline())) {
      t.add(Change.FORBIDDEN);
    }
    if (c.accessChanges().stream().anyMatch(dev.pgreach.privatelink.Comparison.AccessChange::isLoss)
        || c.exposureChanges().stream().anyMatch(e -> !e.lost().isEmpty())) {
      t.add(Change.LOST);
    }
    if (c.accessChanges().stream().anyMatch(Gates::isGain) || c.exposureChanges().stream().anyMatch(e -> !e.gained().isEmpty())) {
      t.add(Change.GAINED);
    }
    t.retainAll(failOn);
    return t;
  }
}
