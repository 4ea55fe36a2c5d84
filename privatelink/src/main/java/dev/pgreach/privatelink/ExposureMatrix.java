package dev.pgreach.privatelink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.MapMaker;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.ResourceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * Who can reach every server of an estate: one {@link Exposure} per server, in server id order,
 * for one port at one instant — the all-pairs answer of {@link Connectivity#matrix(int, Instant)}.
 *
 * <p>It renders as JSON ({@link #toJson()}: the port, the instant and each server's exposure in the
 * shape of the command line's {@code expose --json}) and as CSV ({@link #toCsv()}: one row per
 * server, source place and front door, one row per server for its public endpoint, and one row per
 * way in the input does not show).
 *
 * @param port the port every exposure is for
 * @param at the instant every exposure is for
 * @param exposures every server's exposure, in server id order
 */
public record ExposureMatrix(int port, Instant at, ImmutableList<Exposure> exposures) {
  /** The CSV header. */
  public static final String CSV_HEADER =
      "server,place,subnet,door,address,private_endpoint,connected,undecided,azure_services,unknown_resource,reason";

  /** The door column of a CSV row for a way in the input does not show. */
  public static final String UNKNOWN_WAY_IN = "UNKNOWN_WAY_IN";

  /**
   * Checks the components.
   *
   * @param port the port every exposure is for
   * @param at the instant every exposure is for
   * @param exposures every server's exposure, in server id order
   * @throws dev.pgreach.core.PgreachException {@link
   *     dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null component
   */
  public ExposureMatrix {
    Checks.notNull(at, "ExposureMatrix.at");
    Checks.notNull(exposures, "ExposureMatrix.exposures");
  }

  /**
   * Returns the port every exposure is for.
   *
   * @return the port, 5432 or 6432 for PgBouncer as asked
   */
  @Override
  public int port() {
    return port;
  }

  /**
   * Returns the instant every exposure is for.
   *
   * @return the instant
   */
  @Override
  public Instant at() {
    return at;
  }

  /**
   * Returns every server's exposure.
   *
   * @return one exposure per server of the estate, in server id order
   */
  @Override
  public ImmutableList<Exposure> exposures() {
    return exposures;
  }

  /**
   * Returns the exposure of one server.
   *
   * @param server the server's id
   * @return its exposure (the first, should the list hold two), or empty when the estate holds no
   *     such server
   */
  public Optional<Exposure> of(ResourceId server) {
    Checks.notNull(server, "ExposureMatrix.of.server");
    return Optional.ofNullable(BY_SERVER.computeIfAbsent(exposures, ExposureMatrix::byServer).get(server));
  }

  /**
   * Each matrix's exposures by server, built on the first look-up and kept as long as the list is:
   * a record holds no other field, so the index is keyed by the identity of its (immutable) list.
   */
  private static final ConcurrentMap<ImmutableList<Exposure>, ImmutableMap<ResourceId, Exposure>> BY_SERVER = new MapMaker().weakKeys().makeMap();

  private static ImmutableMap<ResourceId, Exposure> byServer(ImmutableList<Exposure> exposures) {
    Map<ResourceId, Exposure> index = new HashMap<>();
    for (Exposure x : exposures) {
      index.putIfAbsent(x.server(), x);
    }
    return ImmutableMap.copyOf(index);
  }

  /**
   * Renders the matrix as indented JSON: the members of {@link #writeTo(ObjectNode)}.
   *
   * @return the JSON text, ending with a newline
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    writeTo(o);
    try {
      return mapper.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  /**
   * Writes the matrix into a JSON object: {@code port}, {@code at} and {@code servers}, each with
   * {@code server}, {@code result} ({@link Exposure#headline()}) and the members of {@link
   * #writeSources(ObjectNode, Exposure)}.
   *
   * @param into the object the members are added to
   */
  public void writeTo(ObjectNode into) {
    Checks.notNull(into, "ExposureMatrix.writeTo.into");
    into.put("port", port);
    into.put("at", at.toString());
    ArrayNode servers = into.putArray("servers");
    for (Exposure x : exposures) {
      ObjectNode s = servers.addObject();
      s.put("server", x.server().toString());
      s.put("result", x.headline());
      writeSources(s, x);
    }
  }

  /**
   * Tells whether every server's answer is decided: no server's {@link Exposure#headline()} is
   * {@code UNDECIDED}.
   *
   * @return whether every server is known reachable or known unreachable
   */
  public boolean isDecided() {
    return exposures.stream().noneMatch(x -> x.headline().equals("UNDECIDED"));
  }

  /**
   * Writes one exposure's sources into a JSON object, as the matrix writes each server and {@code
   * pgreach expose --format json} writes its answer: {@code privatePaths} (place, subnet, door,
   * address, privateEndpoint, connected, undecided), {@code publicSources}, {@code
   * publicUndecided}, {@code azureServices} ({@code true} when known admitted, {@code false} when
   * known not, {@code null} when undecided) and {@code unknownWaysIn} (each a {@code resource} and
   * a {@code reason}). Address sets are arrays of canonical ranges, each a CIDR prefix where it is
   * one.
   *
   * @param into the object the members are added to
   * @param x the exposure
   */
  public static void writeSources(ObjectNode into, Exposure x) {
    Checks.notNull(into, "ExposureMatrix.writeSources.into");
    Checks.notNull(x, "ExposureMatrix.writeSources.x");
    ArrayNode paths = into.putArray("privatePaths");
    for (Exposure.Reach r : x.privatePaths()) {
      ObjectNode p = paths.addObject();
      p.put("place", r.place().toString());
      if (r.subnet().isPresent()) {
        p.put("subnet", r.subnet().get().toString());
      } else {
        p.putNull("subnet");
      }
      p.put("door", r.door().name());
      p.put("address", r.address().toString());
      if (r.privateEndpoint().isPresent()) {
        p.put("privateEndpoint", r.privateEndpoint().get().toString());
      } else {
        p.putNull("privateEndpoint");
      }
      addresses(p.putArray("connected"), r.connected());
      addresses(p.putArray("undecided"), r.undecided());
    }
    addresses(into.putArray("publicSources"), x.publicSources());
    addresses(into.putArray("publicUndecided"), x.publicUndecided());
    if (x.azureServicesUndecided()) {
      into.putNull("azureServices");
    } else {
      into.put("azureServices", x.azureServices());
    }
    ArrayNode unknown = into.putArray("unknownWaysIn");
    for (Exposure.UnknownWay w : x.unknownWaysIn()) {
      ObjectNode u = unknown.addObject();
      u.put("resource", w.resource().toString());
      u.put("reason", w.reason());
    }
  }

  /**
   * Renders the matrix as CSV ({@link #CSV_HEADER}, then rows): a row per server, source place and
   * private front door; for a server whose public endpoint admits something or may, a row with
   * place {@code Internet} and door {@code PUBLIC_ENDPOINT} (its address column empty, and its
   * {@code azure_services} column {@code admitted}, {@code undecided} or {@code not admitted} for
   * the {@code 0.0.0.0} rule); and a row per way in the input does not show, with door {@code
   * UNKNOWN_WAY_IN}, the missing resource in {@code unknown_resource} and why in {@code reason}.
   * Address columns hold only addresses: space-separated canonical ranges. Fields holding a comma,
   * quote or line break are quoted.
   *
   * @return the CSV text, lines ending with {@code \n}
   */
  public String toCsv() {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (Exposure x : exposures) {
      String server = x.server().toString();
      for (Exposure.Reach r : x.privatePaths()) {
        row(b, server, r.place().toString(), r.subnet().map(ResourceId::toString).orElse(""), r.door().name(),
            r.address().toString(), r.privateEndpoint().map(ResourceId::toString).orElse(""), text(r.connected()), text(r.undecided()), "", "", "");
      }
      if (!x.publicSources().isEmpty() || !x.publicUndecided().isEmpty() || x.azureServices() || x.azureServicesUndecided()) {
        String azure = x.azureServices() ? "admitted" : x.azureServicesUndecided() ? "undecided" : "not admitted";
        row(b, server, "Internet", "", FrontDoorKind.PUBLIC_ENDPOINT.name(), "", "", text(x.publicSources()), text(x.publicUndecided()), azure, "", "");
      }
      for (Exposure.UnknownWay w : x.unknownWaysIn()) {
        row(b, server, "", "", UNKNOWN_WAY_IN, "", "", "", "", "", w.resource().toString(), w.reason());
      }
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      String f = fields[i];
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
        b.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        b.append(f);
      }
    }
    b.append('\n');
  }

  private static String text(AddressSet set) {
    StringBuilder b = new StringBuilder();
    for (Ipv4Range r : set.ranges()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(range(r));
    }
    return b.toString();
  }

  private static void addresses(ArrayNode a, AddressSet set) {
    for (Ipv4Range r : set.ranges()) {
      a.add(range(r));
    }
  }

  private static String range(Ipv4Range r) {
    return r.isPrefix() && r.size() > 1 ? r.toPrefixes().get(0).toString() : r.toString();
  }
}
