package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Client;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.Exposure;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The questions {@code check}, {@code resolve} and {@code expose} ask, and {@code ask} asks many of,
 * against one estate compiled once.
 */
final class Questions {
  /** The DNS suffix of servers' host names, with its leading dot. */
  private static final String SUFFIX = "." + ServerName.DNS_SUFFIX;

  /** Digits and dots only: a mistyped address, never a name. */
  private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

  private final Inputs.Loaded loaded;
  private final Estate estate;
  private final ServiceProfile profile;
  private final Connectivity connectivity;
  private final Instant defaultAt;

  /**
   * The targets and clients already checked, by their text: a batch asks about a few of them many
   * times, and the estate does not change. Only what passed is kept; a mistake is reported anew.
   */
  private final Map<String, String> targets = new HashMap<>();

  private final Map<List<Object>, Client> clients = new HashMap<>();

  /**
   * Compiles an estate for questions.
   *
   * @param loaded the estate read
   * @param profile the service profile
   * @param defaultAt the instant of questions that give none
   */
  Questions(Inputs.Loaded loaded, ServiceProfile profile, Instant defaultAt) {
    this.loaded = loaded;
    this.estate = loaded.imported().estate();
    this.profile = profile;
    this.defaultAt = defaultAt;
    this.connectivity = data(() -> Connectivity.of(estate, profile));
  }

  /**
   * An answer, in every form a command writes it. The text is written only when asked for: a
   * batch of questions in JSON never needs it.
   *
   * @param json the JSON object, without {@code schemaVersion} and {@code command}
   * @param written writes the text
   * @param headline the answer's word (CONNECTED, RESOLVED, REACHABLE ...)
   * @param status the exit status it means
   * @param title what was asked, for a test case's name
   */
  record Answer(ObjectNode json, Supplier<String> written, String headline, ExitStatus status, String title) {
    /** The text a person reads: the answer first, then its steps and the import's notes. */
    String text() {
      return written.get();
    }
  }

  Estate estate() {
    return estate;
  }

  /** Can a client open a session to a target? */
  Answer check(String from, String toText, int port, Optional<String> tls, Optional<Instant> at) {
    return check(from, toText, port, tls, at, Optional.empty());
  }

  /**
   * Can a client open a session to a target, or, with {@code establishedSince}, does a session it
   * established then still flow (network security groups keep established flows)?
   */
  Answer check(String from, String toText, int port, Optional<String> tls, Optional<Instant> at, Optional<Instant> establishedSince) {
    String to = targets.computeIfAbsent(toText, this::target);
    Client client = client(from, tls);
    Instant when = at.orElse(defaultAt);
    if (establishedSince.isPresent() && establishedSince.get().isAfter(when)) {
      throw CommandFailure.option(
          "--established-since", "--established-since (" + establishedSince.get() + ") is after the question's instant (" + when + ")");
    }
    Connection c =
        question(
            () -> establishedSince.isPresent()
                ? connectivity.connect(client, to, port, when, establishedSince.get())
                : connectivity.connect(client, to, port, when));
    ObjectNode json = Reports.connection(c, profile.name(), when);
    notes(json);
    String headline = Connection.headline(c.disposition());
    return new Answer(json, () -> c.explanation() + notesText(), headline, status(c.disposition()), "check " + from + " -> " + toText + ":" + port);
  }

  /** What does a name resolve to, seen from a client? */
  Answer resolve(String from, String nameText) {
    DnsName name = DnsName.tryParse(nameText).orElseThrow(() -> CommandFailure.option("--name", "--name (" + nameText + ") is not a DNS name"));
    Client client = client(from, Optional.empty());
    Resolution r = question(() -> connectivity.resolve(client, name));
    ObjectNode json = Reports.resolutionJson(client.name(), r, profile.name());
    notes(json);
    ExitStatus status;
    switch (r.disposition()) {
      case ADDRESS:
      case PUBLIC_ENDPOINT:
        status = ExitStatus.OK;
        break;
      case UNKNOWN:
        status = ExitStatus.INDETERMINATE;
        break;
      default:
        status = ExitStatus.NEGATIVE;
        break;
    }
    return new Answer(json, () -> Reports.resolutionText(client.name(), r) + notesText(), Reports.headline(r.disposition()), status, "resolve " + from + " -> " + nameText);
  }

  /** Who can reach a server? */
  Answer expose(String serverText, int port, Optional<Instant> at) {
    FlexibleServer server = server(serverText);
    Instant when = at.orElse(defaultAt);
    Exposure exposure = data(() -> connectivity.expose(server.id(), port, when));
    ObjectNode json = Reports.exposureJson(exposure, profile.name());
    // Undecided, never UNREACHABLE, while a way in is not known (Exposure.unknownWaysIn).
    String headline = exposure.headline();
    ExitStatus status = exposure.isReachable() ? ExitStatus.OK : exposure.isClosed() ? ExitStatus.NEGATIVE : ExitStatus.INDETERMINATE;
    json.put("result", headline);
    notes(json);
    return new Answer(json, () -> exposure.explanation() + notesText(), headline, status, "expose " + serverText + ":" + port);
  }

  /** The client of {@code --from} and {@code --tls}, as {@link Places#client} reads it. */
  private Client client(String from, Optional<String> tls) {
    return clients.computeIfAbsent(List.of(from, tls), k -> Places.client(estate, from, tls));
  }

  private void notes(ObjectNode json) {
    com.fasterxml.jackson.databind.node.ArrayNode a = json.putArray("notes");
    loaded.imported().notes().forEach(a::add);
  }

  private String notesText() {
    StringBuilder s = new StringBuilder();
    for (String n : loaded.imported().notes()) {
      s.append("\n  note: ").append(n);
    }
    return s.toString();
  }

  static ExitStatus status(Disposition d) {
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
   * numbers is taken for a mistyped address ({@code 10.0.0.256}), never looked up. A name under
   * {@code postgres.database.azure.com} must name a server of the estate: one that names none is a
   * mistake on the command line, not a name that does not resolve.
   */
  String target(String text) {
    if (Ipv4Address.isValid(text)) {
      return text;
    }
    if (DOTTED_NUMBERS.matcher(text).matches()) {
      throw CommandFailure.option("--to", "--to (" + text + ") is not an IPv4 address (four numbers from 0 to 255, such as 10.1.1.4), nor a host name");
    }
    try {
      DnsName.parse(text);
    } catch (PgreachException e) {
      throw CommandFailure.option(
          "--to", "--to (" + text + ") is neither a host name (such as orders-db.postgres.database.azure.com) nor an IPv4 address: " + e.code() + ": " + e.getMessage());
    }
    String lower = stripDot(text.toLowerCase(Locale.ROOT));
    if (lower.endsWith(SUFFIX)) {
      String label = lower.substring(0, lower.indexOf('.'));
      Optional<ServerName> server = ServerName.tryParse(label);
      if (server.isEmpty() || estate.network().flexibleServer(server.get()).isEmpty()) {
        Optional<String> why = outside(label);
        if (why.isPresent()) {
          throw new CommandFailure(ExitStatus.DATA_ERROR, "INVALID_INPUT", "--to", "--to (" + text + ") names server " + label + why.get());
        }
        throw CommandFailure.option("--to", "--to (" + text + ") names no server of the estate: there is no server " + label + suggestServers(label));
      }
    }
    return text;
  }

  /** The server {@code --server} names: by name, host name or resource id. */
  FlexibleServer server(String text) {
    String t = stripDot(text);
    Optional<FlexibleServer> found;
    if (t.startsWith("/")) {
      found = dev.pgreach.core.ResourceId.tryParse(t).flatMap(id -> estate.network().flexibleServer(id));
    } else {
      String lower = t.toLowerCase(Locale.ROOT);
      String name = lower.endsWith(SUFFIX) ? lower.substring(0, lower.indexOf('.')) : t;
      found = ServerName.tryParse(name).flatMap(n -> estate.network().flexibleServer(n));
    }
    if (found.isEmpty()) {
      String label = t.startsWith("/") ? t.substring(t.lastIndexOf('/') + 1) : t.toLowerCase(Locale.ROOT).endsWith(SUFFIX) ? t.substring(0, t.indexOf('.')) : t;
      Optional<String> why = outside(label);
      if (why.isPresent()) {
        throw new CommandFailure(ExitStatus.DATA_ERROR, "INVALID_INPUT", "--server", "--server (" + text + ") names server " + label + why.get());
      }
      throw CommandFailure.option("--server", "--server (" + text + ") names no server of the estate" + suggestServers(t));
    }
    return found.get();
  }

  /**
   * Why a server the input holds is not in the estate: the import read it as outside the input
   * (its coverage says why, such as a location known only at deployment), with what gives the
   * missing value; empty when the input does not hold the server at all. Such a server is a fault
   * of the input (status 65), not of the command line.
   */
  private Optional<String> outside(String name) {
    for (Map.Entry<dev.pgreach.core.ResourceId, String> e : estate.coverage().outsideInput().entrySet()) {
      dev.pgreach.core.ResourceId id = e.getKey();
      if (id.isOfType(FlexibleServer.RESOURCE_TYPE) && id.name().equalsIgnoreCase(name)) {
        return Optional.of(
            ", which the input refers to but which is outside it ("
                + e.getValue()
                + "), so no answer about it can be given. Give the input what it lacks: the server's own resource, or, for a template, its parameters"
                + " (--parameter NAME=VALUE, --parameters FILE) and the deployment's location, subscription and resource group in the companion"
                + " document (deployment.location, deployment.subscriptionId, deployment.resourceGroup)");
      }
    }
    return Optional.empty();
  }

  private String suggestServers(String wanted) {
    List<String> names = estate.network().flexibleServers().stream().map(s -> s.name().toString()).sorted().collect(Collectors.toList());
    String lower = wanted.toLowerCase(Locale.ROOT);
    String label = lower.startsWith("/") ? lower.substring(lower.lastIndexOf('/') + 1) : lower.contains(".") ? lower.substring(0, lower.indexOf('.')) : lower;
    String d = Suggestions.didYouMean(label, names);
    if (!d.isEmpty()) {
      return d;
    }
    return names.isEmpty() ? "; the estate has no servers" : "; its servers: " + String.join(", ", names);
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Asks a question; the library rejecting the question itself (a malformed name) is a usage error. */
  static <T> T question(java.util.function.Supplier<T> ask) {
    try {
      return ask.get();
    } catch (PgreachException e) {
      throw new CommandFailure(ExitStatus.USAGE, e.code().name(), null, e.code() + ": " + e.getMessage());
    }
  }

  /** Compiles or validates the estate; the library rejecting the estate itself is an input error. */
  static <T> T data(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (PgreachException e) {
      throw new CommandFailure(ExitStatus.DATA_ERROR, e.code().name(), null, "cannot use the estate: " + e.code() + ": " + e.getMessage());
    }
  }
}
