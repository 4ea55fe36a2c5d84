package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Client;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.privatelink.Comparison;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Exposure;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateValidation;
import dev.pgreach.privatelink.SampleEstate;
import dev.pgreach.privatelink.SampleReport;
import dev.pgreach.privatelink.arm.ArmImport;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * pgreach compare  --before today.json --after proposed.json --companion companion.json
 * pgreach sample   --profile preview2021
 * </pre>
 *
 * <p>Every command takes {@code --help}. Text output puts the answer first (CONNECTED, BLOCKED or
 * INDETERMINATE; RESOLVED, NXDOMAIN, FAILED or UNKNOWN; VALID or FINDINGS), then the numbered
 * steps or findings that explain it; {@code --format json} writes the same as one JSON object whose
 * members always come in the same order (the module's README documents it). The exit status says
 * the outcome: see {@link ExitStatus}.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} does the work and returns the status, so
 * that programs and tests can call it; only {@link #main(String[])} exits the process. Nothing is
 * read but the files named on the command line and the bundled sample; when neither {@code --at}
 * nor the companion document gives the instant of a question, the current time is used.
 *
 * <p><b>Warning:</b> the command line uses Jackson, an optional dependency of
 * pgreach-privatelink; put {@code com.fasterxml.jackson.core:jackson-databind} on the class path.
 */
public final class Cli {
  private static final String NAME = "pgreach";

  private static final String EXIT_STATUS =
      "Exit status: 0 connected / resolved / valid, 1 blocked / not resolved / findings,\n"
          + "2 indeterminate, 64 usage error, 65 unusable input, 66 unreadable file, 70 internal error.\n";

  private static final String ESTATE_OPTIONS =
      "  --estate FILE      ARM JSON: a resource array (az resource list, az graph query),\n"
          + "                     {\"value\": [...]}, {\"data\": [...]}, or an ARM template\n"
          + "  --companion FILE   the companion document: clients, DNS servers, addresses, instant\n"
          + "  --sample           read the bundled sample estate instead of --estate\n";

  private static final String FROM_OPTION =
      "  --from PLACE       a client named in the companion document, or a place:\n"
          + "                       /subscriptions/.../networkInterfaces/NIC or nic:NAME\n"
          + "                       VNET/SUBNET:ADDRESS or SUBNET-ID@ADDRESS\n"
          + "                       onprem:NETWORK:ADDRESS\n"
          + "                       internet:ADDRESS\n"
          + "                       azure:ADDRESS[:TENANT]   (an Azure service of any tenant)\n";

  private static final String COMMON_OPTIONS =
      "  --profile NAME     current (default) or preview2021\n"
          + "  --format FORMAT    text (default) or json\n"
          + "  -h, --help         print this help\n";

  private static final String USAGE =
      "Usage: pgreach <command> [options]\n"
          + "\n"
          + "Answers questions about an Azure Database for PostgreSQL flexible server estate read\n"
          + "from Azure Resource Manager JSON and a companion document.\n"
          + "\n"
          + "Commands:\n"
          + "  check      Can a client open a PostgreSQL session to a host name or address?\n"
          + "  resolve    What does a host name resolve to, seen from a client?\n"
          + "  validate   Which settings would Azure reject, or accept and not honour?\n"
          + "  expose     Who can reach a server at all (source addresses per place)?\n"
          + "  compare    What does a change break (forbidden changes, lost and gained access)?\n"
          + "  sample     Answer the sample questions about the bundled sample estate.\n"
          + "\n"
          + "Run 'pgreach <command> --help' for a command's options.\n"
          + "\n"
          + EXIT_STATUS;

  private static final String CHECK_USAGE =
      "Usage: pgreach check (--estate FILE [--companion FILE] | --sample) --from PLACE --to TARGET\n"
          + "                     [--port PORT] [--tls VERSIONS] [--at INSTANT] [--profile NAME]\n"
          + "                     [--format FORMAT]\n"
          + "\n"
          + "Can the client open a PostgreSQL session to the target? Prints the verdict (CONNECTED,\n"
          + "BLOCKED or INDETERMINATE) first, then the numbered steps that led to it.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + FROM_OPTION
          + "  --to TARGET        a host name (orders-db.postgres.database.azure.com) or an IPv4 address\n"
          + "  --port PORT        1 to 65535; 5432 (default), 6432 for PgBouncer\n"
          + "  --tls VERSIONS     the TLS versions the client offers, such as 1.2,1.3, or none\n"
          + "                     (default: the named client's, else 1.2,1.3)\n"
          + "  --at INSTANT       when the question is asked, such as 2026-11-24T12:00:00Z\n"
          + "                     (default: the companion document's \"at\", else now)\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 connected, 1 blocked, 2 indeterminate, 64 usage error, 65 unusable input,\n"
          + "66 unreadable file, 70 internal error.\n";

  private static final String RESOLVE_USAGE =
      "Usage: pgreach resolve (--estate FILE [--companion FILE] | --sample) --from PLACE --name HOST\n"
          + "                       [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "What does the host name resolve to, seen from the client? Prints the result (RESOLVED,\n"
          + "NXDOMAIN, FAILED or UNKNOWN) first, then the alias chain and the numbered steps.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + FROM_OPTION
          + "  --name HOST        the host name, such as orders-db.postgres.database.azure.com\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 resolved (to addresses or a server's public endpoint), 1 NXDOMAIN or\n"
          + "failure, 2 unknown (public DNS outside the model), 64 usage error, 65 unusable input,\n"
          + "66 unreadable file, 70 internal error.\n";

  private static final String VALIDATE_USAGE =
      "Usage: pgreach validate (--estate FILE [--companion FILE] | --sample) [--profile NAME]\n"
          + "                        [--format FORMAT]\n"
          + "\n"
          + "Which settings would Azure reject, or accept and then not honour? Prints VALID or\n"
          + "FINDINGS first, then every finding (severity, code, resource, field, value, message),\n"
          + "then what was read and skipped.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 when no finding has severity ERROR or WARNING (advice alone is valid),\n"
          + "1 otherwise, 64 usage error, 65 unusable input, 66 unreadable file, 70 internal error.\n";

  private static final String EXPOSE_USAGE =
      "Usage: pgreach expose (--estate FILE [--companion FILE] | --sample) --server NAME\n"
          + "                      [--port PORT] [--at INSTANT] [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "Who can reach the server at all? Prints, for each subnet and on-premises network, the\n"
          + "source addresses that connect to each of the server's private front doors, then the\n"
          + "public source addresses its public endpoint admits (address sets, not samples).\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + "  --server NAME      the server's name (orders-db) or resource id\n"
          + "  --port PORT        1 to 65535; 5432 (default), 6432 for PgBouncer\n"
          + "  --at INSTANT       when the question is asked (default: the companion's \"at\", else now)\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 someone can reach the server, 1 nobody can, 2 only undecided sources,\n"
          + "64 usage error, 65 unusable input, 66 unreadable file, 70 internal error.\n";

  private static final String COMPARE_USAGE =
      "Usage: pgreach compare --before FILE --after FILE [--companion FILE] [--at INSTANT]\n"
          + "                       [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "What does going from the first estate to the second break? Prints the changes Azure\n"
          + "forbids after creation, the clients whose answer changes (by host name, port 5432), and\n"
          + "the source addresses that gain or lose access to each server.\n"
          + "\n"
          + "Options:\n"
          + "  --before FILE      ARM JSON of the estate as it is\n"
          + "  --after FILE       ARM JSON of the estate as it would be\n"
          + "  --companion FILE   the companion document, used for both\n"
          + "  --at INSTANT       when both are judged (default: the companion's \"at\", else now)\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 nothing forbidden and no client loses access, 1 otherwise, 64 usage error,\n"
          + "65 unusable input, 66 unreadable file, 70 internal error.\n";

  private static final String SAMPLE_USAGE =
      "Usage: pgreach sample [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "Reads the bundled sample estate (ARM JSON and companion document) and prints the sample\n"
          + "report: the answer to each sample question, as 'check' prints it, who can reach each\n"
          + "server, and the validation findings. With --format json: the answers, as 'check'\n"
          + "writes them, and the validation, as 'validate' writes it.\n"
          + "\n"
          + "Options:\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 when the report is printed, 64 usage error, 70 internal error.\n";

  private static final Set<String> FLAGS = Set.of("--help", "--sample");
  private static final Set<String> ESTATE = Set.of("--estate", "--companion", "--profile", "--format");

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
   * Runs the command line.
   *
   * <p>Nothing escapes as a stack trace: a usage mistake, unusable input or an unreadable file is
   * one line on {@code err} and its status; a defect, including the virtual machine running out of
   * stack or memory while working, is one line on {@code err} and {@link
   * ExitStatus#INTERNAL_ERROR}.
   *
   * @param args the arguments: a command and its options
   * @param out where answers and help go
   * @param err where usage and input errors go
   * @return the {@link ExitStatus#code() exit status}
   * @throws PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null
   *     argument, or an argument array holding a null
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    notNull(args, "Cli.run.args");
    notNull(out, "Cli.run.out");
    notNull(err, "Cli.run.err");
    for (String a : args) {
      notNull(a, "Cli.run.args[]");
    }
    return run(Arrays.asList(args), out, err, Cli::dispatch);
  }

  /** The work of one run, given the arguments and where answers go. */
  @FunctionalInterface
  interface Work {
    ExitStatus apply(List<String> args, PrintStream out);
  }

  /** Runs some work as the command line does, turning every failure into one line and a status. */
  static int run(List<String> args, PrintStream out, PrintStream err, Work work) {
    try {
      return work.apply(args, out).code();
    } catch (CommandFailure f) {
      err.println(NAME + ": " + oneLine(f.getMessage()));
      if (f.status() == ExitStatus.USAGE) {
        err.println("Run '" + NAME + " --help' for usage.");
      }
      return f.status().code();
    } catch (RuntimeException e) {
      err.println(NAME + ": internal error: " + oneLine(String.valueOf(e)) + "; please report it, with the command line and the input that caused it.");
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
  private static String oneLine(String message) {
    return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  private static <T> T notNull(T value, String parameter) {
    if (value == null) {
      throw PgreachException.of(dev.pgreach.core.ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", parameter);
    }
    return value;
  }

  private static ExitStatus dispatch(List<String> args, PrintStream out) {
    if (args.isEmpty()) {
      throw CommandFailure.usage("a command is required: check, resolve, validate, expose, compare or sample");
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
        out.print(USAGE);
        return ExitStatus.OK;
      case "check":
        return check(Options.parse(command, rest, with("--from", "--to", "--port", "--tls", "--at"), FLAGS), out);
      case "resolve":
        return resolve(Options.parse(command, rest, with("--from", "--name"), FLAGS), out);
      case "validate":
        return validate(Options.parse(command, rest, ESTATE, FLAGS), out);
      case "expose":
        return expose(Options.parse(command, rest, with("--server", "--port", "--at"), FLAGS), out);
      case "compare":
        return compare(Options.parse(command, rest, Set.of("--before", "--after", "--companion", "--at", "--profile", "--format"), Set.of("--help")), out);
      case "sample":
        return sample(Options.parse(command, rest, Set.of("--profile", "--format"), Set.of("--help")), out);
      default:
        throw CommandFailure.usage("unknown command " + command + "; expected check, resolve, validate, expose, compare or sample");
    }
  }

  private static Set<String> with(String... more) {
    java.util.HashSet<String> all = new java.util.HashSet<>(ESTATE);
    all.addAll(Arrays.asList(more));
    return all;
  }

  // ------------------------------------------------------------------ check

  private static ExitStatus check(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(CHECK_USAGE);
      return ExitStatus.OK;
    }
    boolean json = Inputs.json(o);
    ServiceProfile profile = Inputs.profile(o);
    String from = o.require("--from");
    String to = target(o.require("--to"));
    int port = port(o.get("--port").orElse("5432"));
    ArmImport imported = Inputs.estate(o);
    Instant at = Inputs.instant(o, imported);
    Estate estate = imported.estate();
    Client client = Places.client(estate, from, o.get("--tls"));
    Connectivity connectivity = data(() -> Connectivity.of(estate, profile));
    Connection c = question(() -> connectivity.connect(client, to, port, at));
    if (json) {
      ObjectNode report = Reports.object().put("command", "check");
      report.setAll(Reports.connection(c, profile.name(), at));
      out.println(Reports.write(report));
    } else {
      out.println(c.explanation());
    }
    return status(c.disposition());
  }

  private static ExitStatus status(Disposition d) {
    switch (d) {
      case ALLOWED:
        return ExitStatus.OK;
      case BLOCKED:
        return ExitStatus.NEGATIVE;
      default:
        return ExitStatus.INDETERMINATE;
    }
  }

  /**
   * Checks a {@code --to} target: an IPv4 address, or a host name. A name whose labels are all
   * numbers is taken for a mistyped address ({@code 10.0.0.256}), never looked up.
   */
  private static String target(String text) {
    if (Ipv4Address.isValid(text)) {
      return text;
    }
    if (text.matches("[0-9.]+")) {
      throw CommandFailure.usage("--to (" + text + ") is not an IPv4 address (four numbers from 0 to 255, such as 10.1.1.4), nor a host name");
    }
    try {
      DnsName.parse(text);
    } catch (PgreachException e) {
      throw CommandFailure.usage(
          "--to (" + text + ") is neither a host name (such as orders-db.postgres.database.azure.com) nor an IPv4 address: " + e.code() + ": " + e.getMessage());
    }
    return text;
  }

  private static int port(String text) {
    if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
      throw CommandFailure.usage("--port (" + text + ") must be a number from 1 to 65535");
    }
    return Integer.parseInt(text);
  }

  /** Asks a question; the library rejecting the question itself (a malformed name) is a usage error. */
  private static <T> T question(java.util.function.Supplier<T> ask) {
    try {
      return ask.get();
    } catch (PgreachException e) {
      throw CommandFailure.usage(e.code() + ": " + e.getMessage());
    }
  }

  /** Compiles or validates the estate; the library rejecting the estate itself is an input error. */
  private static <T> T data(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (PgreachException e) {
      throw new CommandFailure(ExitStatus.DATA_ERROR, "cannot use the estate: " + e.code() + ": " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ resolve

  private static ExitStatus resolve(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(RESOLVE_USAGE);
      return ExitStatus.OK;
    }
    boolean json = Inputs.json(o);
    ServiceProfile profile = Inputs.profile(o);
    String from = o.require("--from");
    String nameText = o.require("--name");
    DnsName name =
        DnsName.tryParse(nameText).orElseThrow(() -> CommandFailure.usage("--name (" + nameText + ") is not a DNS name"));
    ArmImport imported = Inputs.estate(o);
    Estate estate = imported.estate();
    Client client = Places.client(estate, from, Optional.empty());
    Connectivity connectivity = data(() -> Connectivity.of(estate, profile));
    Resolution r = question(() -> connectivity.resolve(client, name));
    if (json) {
      ObjectNode report = Reports.object().put("command", "resolve");
      report.setAll(Reports.resolutionJson(client.name(), r, profile.name()));
      out.println(Reports.write(report));
    } else {
      out.println(Reports.resolutionText(client.name(), r));
    }
    switch (r.disposition()) {
      case ADDRESS:
      case PUBLIC_ENDPOINT:
        return ExitStatus.OK;
      case UNKNOWN:
        return ExitStatus.INDETERMINATE;
      default:
        return ExitStatus.NEGATIVE;
    }
  }

  // ------------------------------------------------------------------ validate

  private static ExitStatus validate(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(VALIDATE_USAGE);
      return ExitStatus.OK;
    }
    boolean json = Inputs.json(o);
    ServiceProfile profile = Inputs.profile(o);
    ArmImport imported = Inputs.estate(o);
    List<Finding> findings = data(() -> EstateValidation.validate(imported.estate(), profile));
    if (json) {
      ObjectNode report = Reports.object().put("command", "validate");
      report.setAll(Reports.validationJson(findings, imported, profile.name()));
      out.println(Reports.write(report));
    } else {
      out.println(Reports.validationText(findings, imported));
    }
    return Reports.valid(findings) ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  // ------------------------------------------------------------------ expose

  private static ExitStatus expose(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(EXPOSE_USAGE);
      return ExitStatus.OK;
    }
    boolean json = Inputs.json(o);
    ServiceProfile profile = Inputs.profile(o);
    String serverText = o.require("--server");
    int port = port(o.get("--port").orElse("5432"));
    ArmImport imported = Inputs.estate(o);
    Instant at = Inputs.instant(o, imported);
    Estate estate = imported.estate();
    FlexibleServer server = Places.server(estate, serverText);
    Connectivity connectivity = data(() -> Connectivity.of(estate, profile));
    Exposure exposure = data(() -> connectivity.expose(server.id(), port, at));
    if (json) {
      ObjectNode report = Reports.object().put("command", "expose");
      report.setAll(Reports.exposureJson(exposure, profile.name()));
      out.println(Reports.write(report));
    } else {
      out.println(exposure.explanation());
    }
    boolean someone =
        !exposure.publicSources().isEmpty()
            || exposure.azureServices()
            || exposure.privatePaths().stream().anyMatch(r -> !r.connected().isEmpty());
    boolean maybe = !exposure.isClosed();
    return someone ? ExitStatus.OK : maybe ? ExitStatus.INDETERMINATE : ExitStatus.NEGATIVE;
  }

  // ------------------------------------------------------------------ compare

  private static ExitStatus compare(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(COMPARE_USAGE);
      return ExitStatus.OK;
    }
    boolean json = Inputs.json(o);
    ServiceProfile profile = Inputs.profile(o);
    String beforeFile = o.require("--before");
    String afterFile = o.require("--after");
    ArmImport before = Inputs.read(beforeFile, o.get("--companion"));
    ArmImport after = Inputs.read(afterFile, o.get("--companion"));
    Instant at = Inputs.instant(o, before);
    Comparison comparison = data(() -> Comparison.of(before.estate(), after.estate(), profile, at));
    if (json) {
      ObjectNode report = Reports.object().put("command", "compare");
      report.setAll(Reports.comparisonJson(comparison, profile.name(), at));
      out.println(Reports.write(report));
    } else {
      out.println(Reports.comparisonText(comparison));
    }
    boolean broken =
        !comparison.forbiddenChanges().isEmpty()
            || comparison.accessChanges().stream().anyMatch(Comparison.AccessChange::isLoss);
    return broken ? ExitStatus.NEGATIVE : ExitStatus.OK;
  }

  // ------------------------------------------------------------------ sample

  private static ExitStatus sample(Options o, PrintStream out) {
    if (o.has("--help")) {
      out.print(SAMPLE_USAGE);
      return ExitStatus.OK;
    }
    boolean json = Inputs.json(o);
    ServiceProfile profile = Inputs.profile(o);
    ArmImport imported = Inputs.sample();
    Estate estate = imported.estate();
    Instant at = imported.instant().orElse(SampleEstate.INSTANT);
    if (json) {
      Connectivity connectivity = Connectivity.of(estate, profile);
      List<Finding> findings = EstateValidation.validate(estate, profile);
      ObjectNode report = Reports.object().put("command", "sample");
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
      report.set("validation", Reports.validationJson(findings, imported, profile.name()));
      out.println(Reports.write(report));
      return ExitStatus.OK;
    }
    SampleReport.print(out, estate, profile, at);
    out.println(Reports.importText(imported));
    return ExitStatus.OK;
  }
}
