package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Comparison;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateValidation;
import dev.pgreach.privatelink.SampleEstate;
import dev.pgreach.privatelink.SampleReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code pgreach} command line: answers questions about an estate read from Azure Resource
 * Manager JSON and a companion document, without anyone writing Java.
 *
 * <pre>
 * pgreach check    --estate resources.json --companion companion.json --from orders-api --to orders-db.postgres.database.azure.com
 * pgreach resolve  --estate resources.json --companion companion.json --from spoke-apps/app:10.2.0.9 --name billing-db.postgres.database.azure.com
 * pgreach validate --estate resources.json --companion companion.json --format json
 * pgreach expose   --estate resources.json --companion companion.json --server orders-db
 * pgreach compare  --before today.json --after proposed.json --companion companion.json --format sarif
 * pgreach ask      --estate resources.json --companion companion.json --questions questions.json
 * pgreach sample   --profile preview2021
 * </pre>
 *
 * <p>Every command takes {@code --help}; {@code pgreach --version} prints the version. Text output
 * puts the answer first (CONNECTED, BLOCKED or INDETERMINATE; RESOLVED, NXDOMAIN, FAILED or
 * UNKNOWN; VALID or FINDINGS), then the numbered steps or findings that explain it; {@code --format
 * json} writes the same as one JSON object whose members always come in the same order, starting
 * with {@code schemaVersion} (JSON Schemas of every output ship in the jar, under {@code
 * dev/pgreach/privatelink/schema}); {@code validate} and {@code compare} also write SARIF 2.1.0,
 * and every command but {@code sample} JUnit XML. With {@code --format json}, an error is a JSON
 * object on standard output too. The exit status says the outcome: see {@link ExitStatus}.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} does the work and returns the status, so
 * that programs and tests can call it; only {@link #main(String[])} exits the process. Nothing is
 * read but the files named on the command line and the bundled sample; when neither {@code --at}
 * nor the companion document gives the instant of a question, the current time is used.
 *
 * <p>The runnable jar {@code pgreach-privatelink-<version>-cli.jar} holds everything it needs:
 * {@code java -jar pgreach-privatelink-<version>-cli.jar check ...}.
 */
public final class Cli {
  private static final String NAME = "pgreach";

  /** The version of every JSON output's shape; it grows when a member is removed or changes meaning. */
  public static final int SCHEMA_VERSION = 1;

  private static final Options.Spec CHECK =
      Inputs.SOURCES.and(Inputs.COMMON).with("--from", "--to", "--port", "--tls", "--at", "--established-since");
  private static final Options.Spec RESOLVE = Inputs.SOURCES.and(Inputs.COMMON).with("--from", "--name");
  private static final Options.Spec VALIDATE = Inputs.SOURCES.and(Inputs.COMMON).with("--fail-on", "--baseline", "--max-firewall-rules", "--max-firewall-public-addresses").repeating("--suppress");
  private static final Options.Spec EXPOSE = Inputs.SOURCES.and(Inputs.COMMON).with("--server", "--port", "--at");
  private static final Options.Spec COMPARE =
      Options.Spec.of("--before", "--after", "--plan", "--companion", "--at", "--profile", "--format", "--fail-on").repeating("--suppress");
  private static final Options.Spec MATRIX = Inputs.SOURCES.and(Inputs.COMMON).with("--port", "--at");
  private static final Options.Spec VERIFY = Inputs.SOURCES.and(Inputs.COMMON).with("--intents", "--at");
  private static final Options.Spec ASK = Inputs.SOURCES.and(Inputs.COMMON).with("--questions", "--at");
  private static final Options.Spec SAMPLE = Options.Spec.of("--profile", "--format");

  private Cli() {}

  /**
   * Runs the command line; the process exits with the {@link ExitStatus}. On success {@code main}
   * returns normally (so that it can run inside a build tool's JVM); otherwise it calls {@link
   * System#exit(int)}.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != ExitStatus.OK.code()) {
      System.exit(status);
    }
  }

  /**
   * Returns the version of pgreach, as the build wrote it.
   *
   * @return the version, such as {@code 0.1.0}
   */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("version.properties cannot be read", e);
    }
    String v = p.getProperty("version", "");
    return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
  }

  /**
   * Runs the command line.
   *
   * <p>Nothing escapes as a stack trace: a usage mistake, unusable input or an unreadable file is
   * one line on {@code err} and its status - and, with {@code --format json}, also a JSON object
   * on {@code out} ({@code schemaVersion}, then {@code error}: {@code status}, {@code code},
   * {@code message}, {@code path}); a defect, including the virtual machine running out of stack or
   * memory while working, is one line on {@code err} and {@link ExitStatus#INTERNAL_ERROR}.
   *
   * @param args the arguments: a command and its options
   * @param out where answers and help go
   * @param err where usage and input errors go
   * @return the {@link ExitStatus#code() exit status}
   * @throws PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null
   *     argument, or an argument array holding a null
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the command line with a standard input ({@code ask} reads its questions from it when no
   * file is named).
   *
   * @param args the arguments: a command and its options
   * @param in the standard input
   * @param out where answers and help go
   * @param err where usage and input errors go
   * @return the {@link ExitStatus#code() exit status}
   * @throws PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null
   *     argument, or an argument array holding a null
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    notNull(args, "Cli.run.args");
    notNull(in, "Cli.run.in");
    notNull(out, "Cli.run.out");
    notNull(err, "Cli.run.err");
    for (String a : args) {
      notNull(a, "Cli.run.args[]");
    }
    return run(Arrays.asList(args), out, err, (a, o) -> dispatch(a, in, o));
  }

  /** The work of one run, given the arguments and where answers go. */
  @FunctionalInterface
  interface Work {
    ExitStatus apply(List<String> args, PrintStream out);
  }

  /** Runs some work as the command line does, turning every failure into one line and a status. */
  static int run(List<String> args, PrintStream out, PrintStream err, Work work) {
    boolean json = Inputs.errorsAsJson(args);
    String command = args.isEmpty() ? "" : args.get(0);
    try {
      return work.apply(args, out).code();
    } catch (CommandFailure f) {
      err.println(NAME + ": " + oneLine(f.getMessage()));
      if (f.status() == ExitStatus.USAGE) {
        err.println("Run '" + NAME + " --help' for usage.");
      }
      if (json) {
        out.println(Reports.write(Reports.error(command, f.status(), f.code(), oneLine(f.getMessage()), f.path())));
      }
      return f.status().code();
    } catch (RuntimeException e) {
      String message = "internal error: " + oneLine(String.valueOf(e)) + "; please report it, with the command line and the input that caused it.";
      err.println(NAME + ": " + message);
      if (json) {
        out.println(Reports.write(Reports.error(command, ExitStatus.INTERNAL_ERROR, ExitStatus.INTERNAL_ERROR.name(), message, Optional.empty())));
      }
      return ExitStatus.INTERNAL_ERROR.code();
    } catch (VirtualMachineError e) {
      // Out of stack or memory: say so in one line, without building anything large.
      err.println(NAME + ": internal error: " + e.getClass().getSimpleName() + " while working; please report it, with the command line and the input that caused it.");
      return ExitStatus.INTERNAL_ERROR.code();
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A message on one line: line breaks become spaces. */
  static String oneLine(String message) {
    return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  private static <T> T notNull(T value, String parameter) {
    if (value == null) {
      throw PgreachException.of(dev.pgreach.core.ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", parameter);
    }
    return value;
  }

  private static final List<String> COMMANDS = List.of("check", "resolve", "validate", "expose", "compare", "matrix", "verify", "ask", "sample");

  private static ExitStatus dispatch(List<String> args, InputStream in, PrintStream out) {
    if (args.isEmpty()) {
      throw CommandFailure.usage("a command is required: " + String.join(", ", COMMANDS));
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (command) {
      case "--help":
      case "-h":
      case "help":
        if (!rest.isEmpty()) {
          throw CommandFailure.usage(command + " takes no arguments; try '" + NAME + " <command> --help'");
        }
        out.print(Usage.USAGE);
        return ExitStatus.OK;
      case "--version":
      case "version":
        if (!rest.isEmpty()) {
          throw CommandFailure.usage(command + " takes no arguments");
        }
        out.println(NAME + " " + version());
        return ExitStatus.OK;
      case "check":
        return check(Options.parse(command, rest, CHECK), out);
      case "resolve":
        return resolve(Options.parse(command, rest, RESOLVE), out);
      case "validate":
        return Verdicts.validate(Options.parse(command, rest, VALIDATE), out);
      case "expose":
        return expose(Options.parse(command, rest, EXPOSE), out);
      case "compare":
        return Verdicts.compare(Options.parse(command, rest, COMPARE), out);
      case "matrix":
        return Verdicts.matrix(Options.parse(command, rest, MATRIX), out);
      case "verify":
        return Verdicts.verify(Options.parse(command, rest, VERIFY), out);
      case "ask":
        return Ask.run(Options.parse(command, rest, ASK), in, out);
      case "sample":
        return sample(Options.parse(command, rest, SAMPLE), out);
      default:
        throw CommandFailure.usage("unknown command " + command + Suggestions.didYouMean(command, COMMANDS) + " Commands: " + String.join(", ", COMMANDS));
    }
  }

  /** Writes an answer in the format asked for, and returns its status. */
  private static ExitStatus answer(String command, Format format, Questions.Answer a, PrintStream out) {
    switch (format) {
      case JSON:
        out.println(Reports.write(Reports.envelope(command).setAll(a.json())));
        break;
      case JUNIT:
        out.println(new JUnitXml("pgreach " + command)
            .add(a.title(), a.status() == ExitStatus.OK ? Optional.empty() : Optional.of(a.headline()), a.text())
            .write());
        break;
      default:
        out.println(a.text());
        break;
    }
    return a.status();
  }

  // ------------------------------------------------------------------ check

  private static ExitStatus check(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.CHECK_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.TEXT, Format.JSON, Format.JUNIT);
    ServiceProfile profile = Inputs.profile(o);
    String from = o.require("--from");
    String to = o.require("--to");
    int port = port(o.get("--port").orElse("5432"));
    Inputs.Loaded loaded = Inputs.estate(o);
    Instant at = Inputs.instant(o, loaded.imported());
    Questions q = new Questions(loaded, profile, at);
    Optional<Instant> establishedSince = o.get("--established-since").map(t -> instant("--established-since", t));
    return answer("check", format, q.check(from, to, port, o.get("--tls"), Optional.empty(), establishedSince), out);
  }

  private static Instant instant(String option, String text) {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw CommandFailure.option(option, option + " (" + text + ") must be an instant such as 2026-11-24T12:00:00Z");
    }
  }

  static int port(String text) {
    int port = PORT.matcher(text).matches() ? Integer.parseInt(text) : 0;
    if (port < 1 || port > 65535) {
      throw CommandFailure.option("--port", "--port (" + text + ") must be a number from 1 to 65535");
    }
    return port;
  }

  /** One to five digits: what {@link #port} reads before checking the range. */
  private static final java.util.regex.Pattern PORT = java.util.regex.Pattern.compile("[0-9]{1,5}");

  // ------------------------------------------------------------------ resolve

  private static ExitStatus resolve(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.RESOLVE_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.TEXT, Format.JSON, Format.JUNIT);
    ServiceProfile profile = Inputs.profile(o);
    String from = o.require("--from");
    String name = o.require("--name");
    Inputs.Loaded loaded = Inputs.estate(o);
    Questions q = new Questions(loaded, profile, Instant.EPOCH);
    return answer("resolve", format, q.resolve(from, name), out);
  }

  // ------------------------------------------------------------------ expose

  private static ExitStatus expose(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.EXPOSE_USAGE);
      return ExitStatus.OK;
    }
    Format format = Inputs.format(o, Format.TEXT, Format.JSON, Format.JUNIT);
    ServiceProfile profile = Inputs.profile(o);
    String server = o.require("--server");
    int port = port(o.get("--port").orElse("5432"));
    Inputs.Loaded loaded = Inputs.estate(o);
    Instant at = Inputs.instant(o, loaded.imported());
    Questions q = new Questions(loaded, profile, at);
    return answer("expose", format, q.expose(server, port, Optional.empty()), out);
  }

  // ------------------------------------------------------------------ sample

  private static ExitStatus sample(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(Usage.SAMPLE_USAGE);
      return ExitStatus.OK;
    }
    boolean json = Inputs.format(o, Format.TEXT, Format.JSON) == Format.JSON;
    ServiceProfile profile = Inputs.profile(o);
    Inputs.Loaded loaded = Inputs.sample();
    Estate estate = loaded.imported().estate();
    Instant at = loaded.imported().instant().orElse(SampleEstate.INSTANT);
    if (json) {
      Connectivity connectivity = Connectivity.of(estate, profile);
      List<Finding> findings = EstateValidation.validate(estate, profile);
      ObjectNode report = Reports.envelope("sample");
      report.put("profile", profile.name());
      report.put("at", at.toString());
      ArrayNode answers = report.putArray("answers");
      for (SampleEstate.Question q : SampleEstate.questions()) {
        answers.add(Reports.connection(connectivity.connect(estate.client(q.client()), q.target(), q.port(), at), profile.name(), at));
      }
      ArrayNode exposure = report.putArray("exposure");
      for (FlexibleServer server : estate.network().flexibleServers()) {
        exposure.add(Reports.exposureJson(connectivity.expose(server.id(), FlexibleServer.POSTGRES_PORT, at), profile.name()));
      }
      List<Gates.Judged> judged = Gates.judge(findings, f -> Gates.Threshold.ERROR.fails(f.severity()), List.of(), Set.of(), Locations.of(loaded.documents()));
      report.set("validation", Reports.validationJson(judged, loaded.imported(), profile.name(), Gates.Threshold.ERROR));
      out.println(Reports.write(report));
      return ExitStatus.OK;
    }
    SampleReport.print(out, estate, profile, at);
    out.println(Reports.importText(loaded.imported()));
    return ExitStatus.OK;
  }
}
