package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in pgreach's own words why a text is not JSON: where reading stopped (line and column), what
 * JSON expects there, and what the text has instead. Every reader of a JSON input (documents,
 * companions, parameters files, intent files, questions) words a syntax error this way, so that
 * no parser's wording, class names or settings reach a message.
 */
public final class JsonSyntax {
  /** The most characters of the offending text a message shows. */
  private static final int SHOWN = 20;

  private JsonSyntax() {}

  /**
   * Where a syntax error is: {@code line 3 (column 9)}, or empty when the parser did not say.
   *
   * @param e the parser's exception
   * @return the line and column, 1-based
   */
  public static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 0) {
      return "";
    }
    return String.format(Locale.ROOT, "line %d (column %d)", at.getLineNr(), at.getColumnNr());
  }

  /**
   * What JSON expects where reading stopped, and what the text has there: {@code expected a JSON
   * value (a string in double quotes, a number, true, false, null, an object or an array), found
   * "not"}.
   *
   * @param e the parser's exception
   * @param text the text that was read, to show what stands where reading stopped; may be null
   * @return the sentence, without the position
   */
  public static String expected(JsonProcessingException e, String text) {
    String found = found(e, text);
    if (e instanceof JsonEOFException) {
      return "the text ends before the JSON is complete (expected more: a value, or the '}' or ']' that closes an object or array)";
    }
    String m = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      return limit(m);
    }
    String what;
    if (m.startsWith("Unexpected end-of-input")) {
      return "the text ends before the JSON is complete (expected more: a value, or the '}' or ']' that closes an object or array)";
    } else if (m.contains("double-quote to start field name")) {
      what = "a member name in double quotes";
    } else if (m.contains("comma to separate Object entries")) {
      what = "',' or the '}' that closes the object";
    } else if (m.contains("comma to separate Array entries")) {
      what = "',' or the ']' that closes the array";
    } else if (m.contains("colon to separate field name")) {
      what = "':' after the member name";
    } else if (m.startsWith("Unexpected close marker")) {
      what = "no closing bracket here (it matches no open object or array)";
    } else if (m.startsWith("Illegal unquoted character") || m.startsWith("Illegal character")) {
      what = "no control character inside a string (write it escaped, such as \\n)";
    } else if (m.startsWith("Unrecognized character escape")) {
      what = "one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX";
    } else if (m.contains("numeric value") || m.contains("Leading zeroes")) {
      what = "a number written as JSON writes numbers";
    } else if (m.startsWith("Unexpected character") && m.contains("end-of-input")) {
      what = "nothing after the JSON value";
    } else {
      what = "a JSON value (a string in double quotes, a number, true, false, null, an object or an array)";
    }
    return "expected " + what + (found.isEmpty() ? "" : ", found " + found);
  }

  /**
   * Both: {@code line 3 (column 9): expected ..., found ...}.
   *
   * @param e the parser's exception
   * @param text the text that was read; may be null
   * @return the position (when known), a colon and what was expected
   */
  public static String describe(JsonProcessingException e, String text) {
    String w = where(e);
    return (w.isEmpty() ? "" : w + ": ") + expected(e, text);
  }

  /** The kinds of limit a reader sets, as they are named: the number past it, then the limit. */
  private static final List<String> LIMITS = List.of("nesting depth", "Number value length", "String value length", "Name length");

  private static final Pattern NUMBERS = Pattern.compile("\\((\\d+)\\) exceeds the maximum[^(]*\\((\\d+)");

  /** A value past a limit of what is read: which limit, the value's size and the limit. */
  private static String limit(String message) {
    String kind = LIMITS.stream().filter(message::contains).findFirst().orElse("a value's size");
    Matcher n = NUMBERS.matcher(message);
    String numbers = n.find() ? " (" + n.group(1) + ") exceeds the limit pgreach reads (" + n.group(2) + ")" : " exceeds the limit pgreach reads";
    return kind + numbers;
  }

  /** The token (a word, or one character) where reading stopped, quoted; empty when not known. */
  private static String found(JsonProcessingException e, String text) {
    JsonLocation at = e.getLocation();
    if (text == null || at == null) {
      return "";
    }
    int p = offset(text, at);
    if (p < 0 || p > text.length() || text.isEmpty()) {
      return "";
    }
    if (p == text.length()) {
      return "";
    }
    int s = p;
    int end = p + 1;
    while (isWordChar(text.charAt(s)) && end < text.length() && isWordChar(text.charAt(end)) && end - s < SHOWN) {
      end++;
    }
    String token = text.substring(s, end);
    StringBuilder shown = new StringBuilder("\"");
    for (char c : token.toCharArray()) {
      shown.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c == '"' ? "\\\"" : String.valueOf(c));
    }
    return shown.append('"').toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+';
  }

  /** The offset of a location in the text: its character offset, or from its line and column. */
  private static int offset(String text, JsonLocation at) {
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (line < 1 || column < 1) {
      long c = at.getCharOffset();
      return c >= 0 && c <= text.length() ? (int) c : -1;
    }
    int i = 0;
    for (int l = 1; l < line && i >= 0; l++) {
      i = text.indexOf('\n', i);
      i = i < 0 ? -1 : i + 1;
    }
    return i < 0 ? -1 : i + column - 1;
  }
}
