package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A syntax error is worded by pgreach: where reading stopped, what JSON expects, what stands there. */
class JsonSyntaxTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonProcessingException failure(String text) {
    try {
      MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return e;
    }
    throw new AssertionError("read: " + text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|line 1 (column 1): expected a JSON value (a string in double quotes, a number, true, false, null, an object or an array), found \"not\"",
        "{\"a\": 1,]|line 1 (column 9): expected a member name in double quotes, found \"]\"",
        "{\"a\" 1}|line 1 (column 6): expected ':' after the member name, found \"1\"",
        "[1 2]|line 1 (column 4): expected ',' or the ']' that closes the array, found \"2\"",
        "[1}|line 1 (column 3): expected no closing bracket here (it matches no open object or array), found \"}\""
      })
  void describe_wordsEachSyntaxErrorInOwnWords(String text, String expected) {
    JsonProcessingException e = failure(text);
    assertEquals(expected, JsonSyntax.describe(e, text));
  }

  @ParameterizedTest
  @CsvSource({"'{\"id\":\"a\"'", "'[1, 2'", "'{\"a\": '"})
  void describe_textEndingEarly_saysSo(String text) {
    String d = JsonSyntax.expected(failure(text), text);
    assertEquals("the text ends before the JSON is complete (expected more: a value, or the '}' or ']' that closes an object or array)", d);
  }

  @org.junit.jupiter.api.Test
  void describe_aLimit_namesItsSizeAndTheLimit_notTheParsersSettings() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    String d = JsonSyntax.describe(failure(deep), deep);
    assertEquals("nesting depth (1001) exceeds the limit pgreach reads (1000)", d);
    assertFalse(d.contains("StreamReadConstraints"), d);
  }
}
