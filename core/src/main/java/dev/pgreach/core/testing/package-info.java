/**
 * Generators for property-based tests of code that uses {@code dev.pgreach.core}, for <a
 * href="https://jqwik.net">jqwik</a>: the IPv4 algebra (addresses, prefixes, ranges, lists of
 * ranges and address sets) and small Azure networks with the clients and destinations that
 * questions about them need.
 *
 * <p>{@link dev.pgreach.core.testing.Ipv4Arbitraries} generates IPv4 values. It builds every value
 * through the public factories, so every value is valid, and includes the edge cases that IPv4 code
 * gets wrong most often ({@code 0.0.0.0}, {@code 255.255.255.255}, the boundary between {@code
 * 127.255.255.255} and {@code 128.0.0.0}, {@code /0}, {@code /32}, touching ranges, the empty set
 * and the whole space).
 *
 * <p>{@link dev.pgreach.core.testing.NetworkArbitraries} generates coherent networks: virtual
 * networks with disjoint address spaces, subnets, peerings (some in one direction only), gateways
 * to on-premises networks, network interfaces, route tables and flexible servers of both access
 * modes, all built through the public builders. {@code validNetworks()} gives networks in which
 * {@link dev.pgreach.core.NetworkValidation} finds no error; {@code networks()} also gives some
 * with the mistakes validation exists to catch. {@code clientsOf}, {@code clients} and {@code
 * destinationsOf} give client locations, clients and destination addresses that fit a given
 * network, and {@code profiles()} the built-in service profiles.
 *
 * <p>This package is for tests only. pgreach-core declares jqwik as an optional dependency, so it
 * is not inherited: a project that uses these generators must put jqwik ({@code net.jqwik:jqwik})
 * on its own test classpath. Code that does not touch this package never needs jqwik.
 *
 * <p>Left out: generators for network security groups, private endpoints and private DNS zones, and
 * for invalid input of any kind; invalid input is best written out as explicit examples.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.core.testing;
