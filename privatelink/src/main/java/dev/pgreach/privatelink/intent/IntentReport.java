package dev.pgreach.privatelink.intent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results of checking a set of intents against an estate.
 *
 * @param results one result per intent, in the order of the intents
 */
public record IntentReport(ImmutableList<IntentResult> results) {
  /** The SARIF version {@link #toSarif()} writes. */
  public static final String SARIF_VERSION = "2.1.0";

  /**
   * Checks the component.
   *
   * @param results the results
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for null results
   */
  public IntentReport {
    if (results == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "IntentReport.results must not be null");
    }
  }

  /**
   * Returns one result per intent, in the order of the intents.
   *
   * @return one result per intent, in the order of the intents
   */
  @Override
  public ImmutableList<IntentResult> results() {
    return results;
  }

  /**
   * Returns the overall verdict: violated when any intent is, else indeterminate when any is, else
   * satisfied.
   *
   * @return the status
   */
  public IntentStatus status() {
    IntentStatus worst = IntentStatus.SATISFIED;
    for (IntentResult r : results) {
      if (r.status() == IntentStatus.VIOLATED) {
        return IntentStatus.VIOLATED;
      }
      if (r.status() == IntentStatus.INDETERMINATE) {
        worst = IntentStatus.INDETERMINATE;
      }
    }
    return worst;
  }

  /**
   * Tells whether every intent is satisfied.
   *
   * @return whether {@link #status()} is {@link IntentStatus#SATISFIED}
   */
  public boolean isSatisfied() {
    return status() == IntentStatus.SATISFIED;
  }

  /**
   * Renders the report for people: one block per intent with its violations and undecided flows,
   * each with the counterexample's trace.
   *
   * @return several lines of text
   */
  public String explanation() {
    StringBuilder s = new StringBuilder();
    for (IntentResult r : results) {
      if (s.length() > 0) {
        s.append('\n');
      }
      s.append(r.explanation());
    }
    return s.length() == 0 ? "No intents." : s.toString();
  }

  /**
   * Writes the report as a SARIF {@value #SARIF_VERSION} log, for code-scanning tools: one rule
   * per intent kind, one result per violation (level {@code error}) and per undecided flow (level
   * {@code warning}), the message being the violation's explanation and the logical location the
   * intent.
   *
   * @return indented JSON text
   */
  public String toSarif() {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode log = json.createObjectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", SARIF_VERSION);
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pgreach");
    driver.put("informationUri", "https://github.com/pgreach/pgreach");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (IntentResult r : results) {
      String kind = r.intent().kind();
      if (!ruleIndex.containsKey(kind)) {
        ruleIndex.put(kind, ruleIndex.size());
        ObjectNode rule = rules.addObject();
        rule.put("id", kind);
        rule.putObject("shortDescription").put("text", r.intent().describe());
      }
    }
    ArrayNode out = run.putArray("results");
    for (int i = 0; i < results.size(); i++) {
      IntentResult r = results.get(i);
      for (Violation v : r.violations()) {
        result(out, r, v, "error", ruleIndex, i);
      }
      for (Violation v : r.undecided()) {
        result(out, r, v, "warning", ruleIndex, i);
      }
    }
    try {
      return json.writeValueAsString(log);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always writes", e);
    }
  }

  private static void result(ArrayNode out, IntentResult r, Violation v, String level, Map<String, Integer> ruleIndex, int index) {
    ObjectNode o = out.addObject();
    o.put("ruleId", r.intent().kind());
    o.put("ruleIndex", ruleIndex.get(r.intent().kind()));
    o.put("level", level);
    o.putObject("message").put("text", v.explanation());
    ObjectNode location = o.putArray("locations").addObject();
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("name", r.intent().describe());
    logical.put("fullyQualifiedName", "intents[" + index + "]");
    logical.put("kind", "object");
  }
}
