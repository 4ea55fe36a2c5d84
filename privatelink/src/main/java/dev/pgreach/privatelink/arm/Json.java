package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Reading and writing JSON with Jackson, under limits that keep hostile input cheap: nesting
 * depth, string, number and name lengths, document size and token count are all bounded, duplicate
 * keys and trailing content are errors. Every failure becomes a {@link PgreachException} with
 * {@link ErrorCode#INVALID_INPUT} naming the JSON path where reading stopped.
 */
final class Json {
  /** The deepest nesting of arrays and objects accepted. */
  static final int MAX_NESTING_DEPTH = 64;

  /** The longest string value accepted, in characters. */
  static final int MAX_STRING_LENGTH = 100_000;

  /** The longest number accepted, in characters. */
  static final int MAX_NUMBER_LENGTH = 40;

  /** The longest property name accepted, in characters. */
  static final int MAX_NAME_LENGTH = 1_000;

  /** The largest document accepted, in characters. */
  static final long MAX_DOCUMENT_LENGTH = 256L * 1024 * 1024;

  /** The most tokens one document may hold. */
  static final long MAX_TOKEN_COUNT = 20_000_000L;

  /** How much of another component's message an error message passes on. */
  private static final int MESSAGE = 1_000;

  /** How much of a value an error message shows. */
  private static final int SHOWN = 300;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxNameLength(MAX_NAME_LENGTH)
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .maxTokenCount(MAX_TOKEN_COUNT)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Two-space indentation, {@code "name": value}, empty arrays and objects as {@code []} and {@code {}}. */
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withArrayEmptySeparator("")
                  .withObjectEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private Json() {}

  /**
   * Parses a whole document.
   *
   * @param text the document
   * @param root the path of the root, {@code $} or {@code companion $}
   * @return the tree
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} naming where reading stopped
   */
  static JsonNode parse(String text, String root) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.INVALID_INPUT, "%s: the JSON text must not be null", root);
    }
    JsonParser parser;
    try {
      parser = MAPPER.createParser(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (parser) {
      JsonNode tree = MAPPER.readTree(parser);
      if (tree == null || tree.isMissingNode()) {
        throw PgreachException.of(ErrorCode.INVALID_INPUT, "%s: the document is empty; expected JSON", root);
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      throw unreadable(root, parser.getParsingContext(), at, e, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PgreachException unreadable(String root, JsonStreamContext context, JsonLocation location, JsonProcessingException e, String text) {
    String where = location == null || location.getLineNr() < 0 ? "" : String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    PgreachException x =
        PgreachException.of(
            ErrorCode.INVALID_INPUT,
            "%s%s: the JSON cannot be read: %s",
            path(root, context),
            where,
            JsonSyntax.expected(e, text));
    x.initCause(e);
    return x;
  }

  /** The JSON path of a parser context, from the root down. */
  private static String path(String root, JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.push(member(c.getCurrentName()));
      }
    }
    StringBuilder s = new StringBuilder(root);
    parts.forEach(s::append);
    return s.toString();
  }

  /** The path step for an object member: {@code .name}, or {@code ['odd name']}. */
  static String member(String name) {
    boolean simple = !name.isEmpty() && name.length() <= SHOWN;
    for (int i = 0; i < name.length() && simple; i++) {
      char c = name.charAt(i);
      simple = c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
    }
    return simple ? "." + name : "['" + clip(name).replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * A text with its case folded character by character, so that two texts fold alike exactly when
   * {@link String#equalsIgnoreCase} finds them equal: a key for what ARM compares ignoring case.
   */
  static String foldCase(String text) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
    }
    return new String(c);
  }

  /** Shows a value in an error message: strings quoted, everything cut to a readable length. */
  static String show(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isTextual()) {
      String t = value.textValue();
      return t.length() <= SHOWN ? quote(t) : quote(t.substring(0, SHOWN)) + "... (" + t.length() + " characters)";
    }
    if (value.isArray()) {
      return "an array of " + value.size();
    }
    if (value.isObject()) {
      return "an object";
    }
    return clip(value.toString());
  }

  /** A string in double quotes, with quotes and control characters escaped. */
  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }

  /** Cuts text to a readable length. */
  static String clip(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
  }

  /**
   * Makes another component's message safe to pass on: control characters escaped, and cut to a
   * length a person reads.
   */
  static String message(String text) {
    String t = String.valueOf(text);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < t.length() && s.length() < MESSAGE; i++) {
      char c = t.charAt(i);
      s.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return t.length() > MESSAGE ? s + "... (" + t.length() + " characters)" : s.toString();
  }

  /**
   * Returns a new, empty object node.
   *
   * @return the node
   */
  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Returns a new, empty array node.
   *
   * @return the node
   */
  static com.fasterxml.jackson.databind.node.ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /**
   * Writes a tree as indented JSON with a final newline; members keep their insertion order, so
   * equal trees give equal text.
   *
   * @param tree the tree
   * @return the text
   */
  static String write(JsonNode tree) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
