package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A batch large enough that {@code ask} writes its answers in many blocks: every question gets its
 * line, in order, each the answer {@code check --format json} gives alone, with mistakes answered
 * as errors in place; and with {@code --format junit} every question is a test case with its steps.
 */
class CliAskBatchTest {
  private static final List<String> CLIENTS =
      List.of("orders-api", "billing-worker", "reporting", "hq-laptop", "home-laptop", "ci-runner", "partner-function", "legacy-batch");
  private static final List<String> SERVERS = List.of("orders-db", "web-db");
  private static final int QUESTIONS = 400;

  /** Question {@code i}: a check of one client, server and port; every 37th names no client. */
  private static String question(int i) {
    String from = i % 37 == 5 ? "nobody-" + i : CLIENTS.get(i % CLIENTS.size());
    String to = SERVERS.get(i / CLIENTS.size() % SERVERS.size()) + ".postgres.database.azure.com";
    int port = i % 3 == 0 ? 6432 : 5432;
    return "{\"id\": \"q" + i + "\", \"command\": \"check\", \"from\": \"" + from + "\", \"to\": \"" + to + "\", \"port\": " + port + "}";
  }

  private static String questions() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < QUESTIONS; i++) {
      s.append(question(i)).append('\n');
    }
    return s.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return CliRun.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void manyQuestions_eachLineIsTheAnswerCheckGives_inOrder() {
    CliRun r = CliRun.withInput(questions(), "ask", "--sample");
    assertEquals(65, r.status(), "some questions name no client");
    assertTrue(r.out().length() > 4 * 65536, "the answers span several blocks: " + r.out().length());
    assertTrue(r.out().endsWith(System.lineSeparator()), "the last line is ended");
    List<JsonNode> lines = r.jsonLines();
    assertEquals(QUESTIONS, lines.size());
    Map<String, JsonNode> alone = new HashMap<>();
    for (int i = 0; i < QUESTIONS; i++) {
      JsonNode q = parse(question(i));
      ObjectNode line = (ObjectNode) lines.get(i);
      assertEquals("q" + i, line.get("id").asText(), "answers come in the order asked");
      if (q.get("from").asText().startsWith("nobody-")) {
        assertEquals("USAGE", line.get("error").get("code").asText(), line.toString());
        continue;
      }
      String key = q.get("from").asText() + " " + q.get("to").asText() + " " + q.get("port").asInt();
      JsonNode check =
          alone.computeIfAbsent(
              key,
              k -> CliRun.of("check", "--sample", "--from", q.get("from").asText(), "--to", q.get("to").asText(), "--port", q.get("port").asText(), "--format", "json").json());
      ObjectNode answer = line.deepCopy();
      answer.remove(List.of("id", "expected", "asExpected"));
      assertEquals(check, answer, "question " + i);
    }
  }

  @Test
  void manyQuestions_asJUnit_eachIsATestCaseWithItsSteps() {
    CliRun r = CliRun.withInput(questions(), "ask", "--sample", "--format", "junit");
    assertEquals(65, r.status());
    assertTrue(r.out().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pgreach\" tests=\"" + QUESTIONS + "\""), r.out().substring(0, 200));
    List<String> cases = new ArrayList<>(List.of(r.out().split("<testcase ", -1)));
    cases.remove(0);
    assertEquals(QUESTIONS, cases.size());
    assertTrue(cases.get(0).contains("name=\"q0: check orders-api -&gt; orders-db.postgres.database.azure.com:6432\""), cases.get(0));
    assertTrue(cases.get(0).contains("1. [DNS_QUERY]"), "a test case holds the answer's steps: " + cases.get(0));
    assertTrue(cases.get(5).contains("cannot be asked"), cases.get(5));
  }
}
