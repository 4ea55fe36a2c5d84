/**
 * Generators for property-based tests of policies over whole estates, for <a
 * href="https://jqwik.net">jqwik</a>.
 *
 * <p>{@link dev.pgreach.privatelink.testing.EstateArbitraries} generates coherent estates with
 * every feature pgreach models, and the ARM documents they are read from; {@link
 * dev.pgreach.privatelink.testing.EstateArbitrary} narrows them (sizes, features, profile, valid
 * estates only or mistakes included). Estates shrink towards one network, one subnet and one
 * server, and a falsified sample is reported as the compact rendering of {@link
 * dev.pgreach.privatelink.testing.EstateArbitraries#describe}. The module registers a default
 * provider, so {@code @ForAll Estate estate} works without a provider method.
 *
 * <p>{@link dev.pgreach.privatelink.testing.IntentAssertions} checks reachability intents ({@link
 * dev.pgreach.privatelink.intent}) from a test: the failure message is the explanation of a
 * counterexample.
 *
 * <p>This package is for tests only. pgreach-privatelink declares jqwik as an optional dependency,
 * so it is not inherited: a project using these generators puts jqwik ({@code net.jqwik:jqwik}) on
 * its own test classpath. Code that does not touch this package never needs jqwik.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink.testing;
