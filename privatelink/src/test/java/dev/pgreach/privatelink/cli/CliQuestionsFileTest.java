package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions file of {@code ask}: text that is not JSON is refused in pgreach's own words at its
 * line and column, an {@code expect} that the question's kind cannot answer is refused at {@code
 * question N expect}, and every problem of a question is reported at once.
 */
class CliQuestionsFileTest {
  @TempDir Path dir;

  /** Words of the JSON parser's own messages, which no message of pgreach contains. */
  private static final List<String> PARSER_WORDS = List.of("Unrecognized token", "REDACTED", "StreamReadFeature", "was expecting", "close marker", "code 93");

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static void noParserWords(String text) {
    for (String w : PARSER_WORDS) {
      assertFalse(text.contains(w), "no parser wording (" + w + "): " + text);
    }
  }

  @Test
  void questionsLineThatIsNotJson_isRefusedAtItsLineAndColumn_inOwnWords() throws IOException {
    String q = "{\"id\": \"a\", \"command\": \"expose\", \"server\": \"web-db\"}\n{\"id\": \"b\", \"command\": \"expose\", \"server\": \"web-db\"}\nnot json\n";
    Path p = file("q.jsonl", q);
    CliRun r = CliRun.of("ask", "--sample", "--questions", p.toString());
    assertEquals(65, r.status(), r.err());
    assertTrue(r.err().contains(p + " line 3 (column 1)"), r.err());
    assertTrue(r.err().contains("expected a JSON value"), r.err());
    assertTrue(r.err().contains("found \"not\""), r.err());
    noParserWords(r.err());
  }

  @Test
  void questionsEndingInsideAnObject_sayTheTextEndsEarly_asInvalidInput() throws IOException {
    Path p = file("q.jsonl", "{\"id\":\"a\"");
    CliRun r = CliRun.of("ask", "--sample", "--questions", p.toString(), "--format", "json");
    assertEquals(65, r.status(), r.err());
    noParserWords(r.err() + r.out());
    assertTrue(r.err().contains("the text ends before the JSON is complete"), r.err());
    assertTrue(r.err().contains("line 1 (column"), r.err());
  }

  @Test
  void estateCompanionIntentsParametersAndBaseline_notJson_areRefusedInOwnWords() throws IOException {
    Path bad = file("bad.json", "{\"a\": 1,]");
    Path empty = file("empty.json", "[]");
    List<CliRun> runs =
        List.of(
            CliRun.of("validate", "--estate", bad.toString()),
            CliRun.of("validate", "--estate", empty.toString(), "--companion", bad.toString()),
            CliRun.of("verify", "--sample", "--intents", bad.toString()),
            CliRun.of("validate", "--sample", "--baseline", bad.toString()));
    for (CliRun r : runs) {
      assertEquals(65, r.status(), r.err());
      noParserWords(r.err());
      assertTrue(r.err().contains("line 1") && r.err().contains("column 9"), r.err());
      assertTrue(r.err().contains("expected a member name in double quotes, found \"]\""), r.err());
    }
  }

  @Test
  void expectThatTheKindCannotAnswer_isInvalidValueAtQuestionExpect_withTheAllowedAnswers() throws IOException {
    Path p =
        file(
            "q.jsonl",
            "{\"id\": \"a\", \"command\": \"check\", \"from\": \"internet:203.0.113.5\", \"to\": \"web-db.postgres.database.azure.com\", \"expect\": \"MAYBE\"}\n"
                + "{\"id\": \"b\", \"command\": \"expose\", \"server\": \"web-db\", \"expect\": \"reachable\"}\n"
                + "{\"id\": \"c\", \"command\": \"resolve\", \"from\": \"orders-api\", \"name\": \"web-db.postgres.database.azure.com\", \"expect\": \"CONNECTED\"}\n");
    CliRun r = CliRun.of("ask", "--sample", "--questions", p.toString());
    assertEquals(65, r.status(), r.err());
    List<JsonNode> lines = r.jsonLines();
    assertEquals(3, lines.size());
    JsonNode a = lines.get(0).get("error");
    assertEquals("INVALID_VALUE", a.get("code").asText());
    assertEquals(p + " question 1 expect", a.get("path").asText());
    assertTrue(a.get("message").asText().contains("CONNECTED, BLOCKED, INDETERMINATE"), a.toString());
    JsonNode b = lines.get(1).get("error");
    assertEquals(p + " question 2 expect", b.get("path").asText());
    assertTrue(b.get("message").asText().contains("did you mean REACHABLE"), b.toString());
    JsonNode c = lines.get(2).get("error");
    assertTrue(c.get("message").asText().contains("RESOLVED, NXDOMAIN, FAILED, UNKNOWN"), c.toString());
  }

  @Test
  void expectOfEachKind_acceptsEveryAnswerItsHeadlineNames() throws IOException {
    Path p =
        file(
            "q.jsonl",
            "{\"command\": \"check\", \"from\": \"internet:203.0.113.5\", \"to\": \"web-db.postgres.database.azure.com\", \"expect\": \"INDETERMINATE\"}\n"
                + "{\"command\": \"expose\", \"server\": \"web-db\", \"expect\": \"UNDECIDED\"}\n");
    CliRun r = CliRun.of("ask", "--sample", "--questions", p.toString());
    for (JsonNode line : r.jsonLines()) {
      assertFalse(line.has("error"), line.toString());
    }
  }

  @Test
  void questionWithSeveralProblems_reportsThemAllAtOnce() throws IOException {
    Path p = file("q.json", "[{\"id\": \"a\", \"command\": \"expose\", \"srever\": \"web-db\", \"port\": true, \"expect\": \"NOPE\"}]");
    CliRun r = CliRun.of("ask", "--sample", "--questions", p.toString());
    assertEquals(65, r.status(), r.err());
    String m = r.jsonLines().get(0).get("error").get("message").asText();
    assertTrue(m.contains("4 problems"), m);
    assertTrue(m.contains("UNKNOWN_ATTRIBUTE at srever") && m.contains("did you mean server?"), m);
    assertTrue(m.contains("INVALID_VALUE at port"), m);
    assertTrue(m.contains("INVALID_VALUE at expect"), m);
    assertTrue(m.contains("MISSING_ATTRIBUTE at server"), m);
  }
}
