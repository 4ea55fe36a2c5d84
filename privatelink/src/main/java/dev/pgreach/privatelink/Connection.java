package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Client;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Path;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Step;
import dev.pgreach.core.Verdict;
import dev.pgreach.dns.Resolution;
import java.util.Optional;

/**
 * The answer to "can this client open a PostgreSQL session to that target?": a verdict whose steps
 * run through the whole flow — name resolution, routing, what answers at the address, network
 * security groups, the server firewall or the private endpoint's state, the port and TLS.
 *
 * <p>{@link Disposition#ALLOWED} means the network lets the client reach a listening server with
 * acceptable TLS; the last step then says that PostgreSQL authentication still applies.
 * {@link Disposition#BLOCKED} names the step that stopped it; {@link Disposition#INDETERMINATE}
 * names what it waits on.
 *
 * @param client the client
 * @param target the target as asked: a host name or an address
 * @param port the port
 * @param verdict the verdict and every step
 * @param resolution the name resolution, when the target was a host name
 * @param path the routed path, when routing was reached
 * @param server the server the connection reaches (or would reach), when one was identified
 */
public record Connection(
    Client client,
    String target,
    int port,
    Verdict verdict,
    Optional<Resolution> resolution,
    Optional<Path> path,
    Optional<ResourceId> server) {
  /** {@return the client} */
  public Client client() {
    return client;
  }

  /** {@return the target as asked: a host name or an address} */
  public String target() {
    return target;
  }

  /** {@return the port} */
  public int port() {
    return port;
  }

  /** {@return the verdict and every step} */
  public Verdict verdict() {
    return verdict;
  }

  /** {@return the name resolution, when the target was a host name} */
  public Optional<Resolution> resolution() {
    return resolution;
  }

  /** {@return the routed path, when routing was reached} */
  public Optional<Path> path() {
    return path;
  }

  /** {@return the server the connection reaches (or would reach), when one was identified} */
  public Optional<ResourceId> server() {
    return server;
  }


  /**
   * Checks the components.
   *
   * @param client the client
   * @param target the target as asked: a host name or an address
   * @param port the port
   * @param verdict the verdict and every step
   * @param resolution the name resolution, when the target was a host name
   * @param path the routed path, when routing was reached
   * @param server the server the connection reaches (or would reach), when one was identified
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null component
   */
  public Connection {
    Checks.notNull(client, "Connection.client");
    Checks.notNull(target, "Connection.target");
    Checks.notNull(verdict, "Connection.verdict");
    Checks.notNull(resolution, "Connection.resolution");
    Checks.notNull(path, "Connection.path");
    Checks.notNull(server, "Connection.server");
  }

  /**
   * Returns the disposition.
   *
   * @return the verdict's disposition
   */
  public Disposition disposition() {
    return verdict.disposition();
  }

  /**
   * Returns the steps.
   *
   * @return the verdict's steps, in order
   */
  public ImmutableList<Step> steps() {
    return verdict.steps();
  }

  /**
   * Returns the step that decided a blocked or indeterminate answer.
   *
   * @return the blocking step, else the first unknown step, else empty
   */
  public Optional<Step> decidingStep() {
    return verdict.blockingStep().or(() -> verdict.unknownSteps().stream().findFirst());
  }

  /**
   * Renders the answer for people: the verdict first, then the numbered steps.
   *
   * @return several lines of text
   */
  public String explanation() {
    StringBuilder s = new StringBuilder();
    s.append(headline(disposition())).append(": ").append(client.name()).append(" -> ").append(target).append(':').append(port);
    decidingStep().ifPresent(d -> s.append("\n  because [").append(d.code()).append("] ").append(d.reason()));
    int n = 1;
    for (Step step : verdict.steps()) {
      s.append("\n  ").append(n++).append(". [").append(step.code()).append("] ").append(step.reason());
    }
    return s.toString();
  }

  /**
   * Returns the word a person reads for a disposition: CONNECTED, BLOCKED or INDETERMINATE.
   *
   * @param disposition the disposition
   * @return the word
   */
  public static String headline(Disposition disposition) {
    return disposition == Disposition.ALLOWED ? "CONNECTED" : disposition.name();
  }
}
