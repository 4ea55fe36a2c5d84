/**
 * Generators for property-based tests of code that uses the IPv4 algebra of {@code
 * dev.pgreach.core}: addresses, prefixes, ranges, lists of ranges and address sets, for <a
 * href="https://jqwik.net">jqwik</a>.
 *
 * <p>{@link dev.pgreach.core.testing.Ipv4Arbitraries} is the one entry point. Its generators build
 * every value through the public factories, so every value is valid, and they include the edge
 * cases that IPv4 code gets wrong most often ({@code 0.0.0.0}, {@code 255.255.255.255}, the
 * boundary between {@code 127.255.255.255} and {@code 128.0.0.0}, {@code /0}, {@code /32},
 * touching ranges, the empty set and the whole space).
 *
 * <p>This package is for tests only. pgreach-core declares jqwik as an optional dependency, so it
 * is not inherited: a project that uses these generators must put jqwik ({@code net.jqwik:jqwik})
 * on its own test classpath. Code that does not touch this package never needs jqwik.
 *
 * <p>Left out: generators for Azure resources (virtual networks, subnets, servers) and for
 * invalid text; invalid input is best written out as explicit examples.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.core.testing;
