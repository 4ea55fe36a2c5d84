package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.ServiceProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pgreach ask}: many questions against one estate, read and compiled once, one JSON line
 * per answer. The questions are a JSON array of objects, or one JSON object per line (JSON lines),
 * from a file or standard input.
 */
final class Ask {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** The members each kind of question takes, besides {@code id}, {@code command} and {@code expect}. */
  private static final Map<String, Set<String>> MEMBERS =
      Map.of(
          "check", Set.of("from", "to", "port", "tls", "at"),
          "resolve", Set.of("from", "name"),
          "expose", Set.of("server", "port", "at"));

  /** The members every question may have. */
  private static final Set<String> COMMON_MEMBERS = Set.of("id", "command", "expect");

  private Ask() {}

  static ExitStatus run(Options o, InputStream in, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.ASK_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.JSON, Format.JUNIT);
    ServiceProfile profile = Inputs.profile(o);
    String file = o.get("--questions").orElse("-");
    String text = file.equals("-") ? readStandardInput(in) : Inputs.readFile(file, Inputs.MAX_FILE_SIZE);
    String label = file.equals("-") ? "standard input" : file;
    List<JsonNode> questions = parse(text, label);
    Inputs.Loaded loaded = Inputs.estate(o);
    Instant at = Inputs.instant(o, loaded.imported());
    Questions q = new Questions(loaded, profile, at);
    boolean unexpected = false;
    boolean unanswerable = false;
    JUnitXml junit = new JUnitXml("pgreach ask");
    Lines lines = new Lines(out);
    int n = 0;
    try {
      for (JsonNode question : questions) {
        String where = label + " question " + (n + 1);
        n++;
        ObjectNode line = Reports.envelope(text(question, "command").orElse(""));
        Optional<String> id = text(question, "id");
        String command = text(question, "command").orElse("");
        try {
          Questions.Answer a = answer(q, question, where);
          putId(line, id);
          line.setAll(a.json());
          Optional<String> expect = text(question, "expect");
          boolean asExpected = expect.map(e -> e.equals(a.headline())).orElse(true);
          line.put("expected", expect.orElse(null));
          line.put("asExpected", asExpected);
          unexpected |= !asExpected;
          if (format == Format.JUNIT) {
            String name = id.orElse(where) + ": " + a.title();
            junit.add(name, asExpected ? Optional.empty() : Optional.of("expected " + expect.orElseThrow() + ", got " + a.headline()), a.text());
          }
        } catch (CommandFailure f) {
          unanswerable = true;
          ObjectNode error = Reports.error(command, f.status(), f.code(), Cli.oneLine(f.getMessage()), Optional.of(f.path().map(p -> where + " " + p).orElse(where)));
          putId(line, id);
          line.set("error", error.get("error"));
          if (format == Format.JUNIT) {
            junit.add(id.orElse(where), Optional.of("cannot be asked: " + Cli.oneLine(f.getMessage())), "");
          }
        }
        if (format == Format.JSON) {
          lines.add(Reports.line(line));
        }
      }
    } finally {
      lines.flush();
    }
    if (format == Format.JUNIT) {
      out.println(junit.write());
    }
    return unanswerable ? ExitStatus.DATA_ERROR : unexpected ? ExitStatus.NEGATIVE : ExitStatus.OK;
  }

  /**
   * The answers' lines, written to the output a block at a time rather than one line at a time: a
   * standard output flushes at every line, one write each, which a batch of thousands of answers
   * does not need. What is written is the same, through the output's own encoding, and whatever was
   * answered is written even when a later question stops the run.
   */
  private static final class Lines {
    private static final int BLOCK = 1 << 16;
    private static final String SEPARATOR = System.lineSeparator();

    private final PrintStream out;
    private final StringBuilder block = new StringBuilder(BLOCK + (BLOCK >> 2));

    Lines(PrintStream out) {
      this.out = out;
    }

    void add(String line) {
      block.append(line).append(SEPARATOR);
      if (block.length() >= BLOCK) {
        flush();
      }
    }

    void flush() {
      if (block.length() > 0) {
        out.print(block);
        block.setLength(0);
      }
    }
  }

  /** The answers each kind of question can give, as its headline names them: what "expect" may be. */
  static final Map<String, List<String>> ANSWERS =
      Map.of(
          "check", List.of("CONNECTED", "BLOCKED", "INDETERMINATE"),
          "resolve", List.of("RESOLVED", "NXDOMAIN", "FAILED", "UNKNOWN"),
          "expose", List.of("REACHABLE", "UNREACHABLE", "UNDECIDED"));

  /** The members each kind of question requires. */
  private static final Map<String, List<String>> REQUIRED =
      Map.of("check", List.of("from", "to"), "resolve", List.of("from", "name"), "expose", List.of("server"));

  /** One problem of a question: its stable code, the member at fault and the sentence. */
  private record Problem(String code, String member, String message) {}

  private static Questions.Answer answer(Questions q, JsonNode question, String where) {
    if (!question.isObject()) {
      throw new CommandFailure(ExitStatus.DATA_ERROR, "INVALID_INPUT", null, where + " must be a JSON object");
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode commandNode = question.get("command");
    String command = text(question, "command").orElse(null);
    Set<String> members = command == null ? null : MEMBERS.get(command);
    if (commandNode == null) {
      problems.add(new Problem("MISSING_ATTRIBUTE", "command", where + ": \"command\" is required: check, resolve or expose"));
    } else if (members == null) {
      problems.add(
          new Problem(
              "INVALID_VALUE",
              "command",
              where + ": \"command\" (" + (command == null ? commandNode.toString() : command) + ") must be check, resolve or expose" + (command == null ? "" : Suggestions.didYouMean(command, MEMBERS.keySet()))));
    }
    Iterator<String> names = question.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.equals("command")) {
        continue;
      }
      if (members != null && !members.contains(name) && !COMMON_MEMBERS.contains(name)) {
        problems.add(new Problem("UNKNOWN_ATTRIBUTE", name, where + ": " + command + " takes no \"" + name + "\"" + Suggestions.didYouMean(name, members)));
        continue;
      }
      JsonNode v = question.get(name);
      if (!v.isTextual() && !(name.equals("port") && v.isIntegralNumber())) {
        problems.add(new Problem("INVALID_VALUE", name, where + ": \"" + name + "\" must be a string" + (name.equals("port") ? " or a number" : "")));
      } else if (name.equals("expect") && members != null && !ANSWERS.get(command).contains(v.asText())) {
        List<String> allowed = ANSWERS.get(command);
        problems.add(
            new Problem(
                "INVALID_VALUE",
                "expect",
                where + ": \"expect\" (" + v.asText() + ") must be an answer " + command + " gives: " + String.join(", ", allowed) + Suggestions.didYouMean(v.asText(), allowed)));
      }
    }
    if (members != null) {
      for (String name : REQUIRED.get(command)) {
        if (question.get(name) == null) {
          problems.add(new Problem("MISSING_ATTRIBUTE", name, where + ": \"" + name + "\" is required"));
        }
      }
    }
    if (problems.size() == 1) {
      Problem p = problems.get(0);
      throw new CommandFailure(ExitStatus.DATA_ERROR, p.code(), p.member(), p.message());
    }
    if (!problems.isEmpty()) {
      StringBuilder m = new StringBuilder(where).append(": ").append(problems.size()).append(" problems:");
      for (Problem p : problems) {
        m.append("\n").append(p.code()).append(" at ").append(p.member()).append(": ").append(p.message().substring(where.length() + 2));
      }
      throw new CommandFailure(ExitStatus.DATA_ERROR, problems.get(0).code(), null, m.toString());
    }
    switch (command) {
      case "check":
        return q.check(required(question, "from", where), required(question, "to", where), port(question), text(question, "tls"), at(question, where));
      case "resolve":
        return q.resolve(required(question, "from", where), required(question, "name", where));
      default:
        return q.expose(required(question, "server", where), port(question), at(question, where));
    }
  }

  private static void putId(ObjectNode line, Optional<String> id) {
    if (id.isPresent()) {
      line.put("id", id.get());
    } else {
      line.putNull("id");
    }
  }

  private static int port(JsonNode question) {
    JsonNode p = question.get("port");
    return p == null ? 5432 : Cli.port(p.asText());
  }

  private static Optional<Instant> at(JsonNode question, String where) {
    Optional<String> at = text(question, "at");
    try {
      return at.map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new CommandFailure(ExitStatus.DATA_ERROR, "INVALID_VALUE", "at", where + ": \"at\" (" + at.get() + ") must be an instant such as 2026-11-24T12:00:00Z");
    }
  }

  private static String required(JsonNode question, String name, String where) {
    return text(question, name).orElseThrow(() -> new CommandFailure(ExitStatus.DATA_ERROR, "MISSING_ATTRIBUTE", name, where + ": \"" + name + "\" is required"));
  }

  private static Optional<String> text(JsonNode question, String name) {
    JsonNode v = question.isObject() ? question.get(name) : null;
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** The questions: a JSON array, or JSON values one after another (JSON lines). */
  static List<JsonNode> parse(String text, String label) {
    List<JsonNode> all = new ArrayList<>();
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          all.add(MAPPER.readTree(p));
        }
        if (p.nextToken() != null) {
          throw new CommandFailure(ExitStatus.DATA_ERROR, "INVALID_INPUT", label, "cannot use " + label + ": more follows the array of questions");
        }
      } else {
        while (p.currentToken() != null) {
          all.add(MAPPER.readTree(p));
          p.nextToken();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String at = dev.pgreach.privatelink.arm.JsonSyntax.where(e);
      String where = at.isEmpty() ? label : label + " " + at;
      throw new CommandFailure(
          ExitStatus.DATA_ERROR,
          "INVALID_INPUT",
          where,
          "cannot use " + label + ": " + where + ": it is not a JSON array of questions nor JSON lines: " + Cli.oneLine(dev.pgreach.privatelink.arm.JsonSyntax.expected(e, text)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return all;
  }

  private static String readStandardInput(InputStream in) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Inputs.MAX_FILE_SIZE + 1));
      if (bytes.length > Inputs.MAX_FILE_SIZE) {
        throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read standard input: it is larger than the " + Inputs.MAX_FILE_SIZE + " bytes pgreach reads");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read standard input: " + e.getMessage());
    }
  }
}
