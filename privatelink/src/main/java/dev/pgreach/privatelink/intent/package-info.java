/**
 * Reachability intents: declarative statements of what must and must not be reachable in an
 * estate, checked exhaustively.
 *
 * <p>{@link dev.pgreach.privatelink.intent.Intent} states one intent (no server reachable from the
 * internet; a server reachable only from some places; clients that can connect by name; names
 * that resolve wherever addresses route; no Azure-services rule; every private endpoint Approved).
 * {@link dev.pgreach.privatelink.intent.Intents} holds a set of them, reads and writes the intent
 * file of the command line, and checks them against an estate: each result is satisfied, violated
 * (with every violation's counterexample flow and its trace) or, in an open world, indeterminate
 * (the flows that would break the intent if what the input does not show turned out one way).
 * {@link dev.pgreach.privatelink.intent.IntentReport} renders the results for people and as SARIF.
 *
 * <p>Intents are checked with the address sets of {@link dev.pgreach.privatelink.Connectivity#expose}:
 * every source address of every subnet and on-premises network, and every public address, not
 * samples. Nothing unknown makes an intent satisfied.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink.intent;
