/**
 * Private endpoints, and the whole-estate answers where DNS, routing and filtering meet.
 *
 * <p>An {@link dev.pgreach.privatelink.Estate} holds everything pgreach knows about one estate —
 * the network of pgreach-core, the network security groups and server firewall rules of
 * pgreach-firewall, the private DNS zones and DNS servers of pgreach-dns, the {@link
 * dev.pgreach.privatelink.PrivateEndpoint private endpoints} and the clients — with every
 * reference between them resolved. {@link dev.pgreach.privatelink.Connectivity} answers whether a
 * client can open a PostgreSQL session to a host name or address, step by step from name
 * resolution to TLS; {@link dev.pgreach.privatelink.EstateValidation} reports every setting Azure
 * would reject or not honour. {@link dev.pgreach.privatelink.SampleEstate} is a bundled estate that
 * exercises all three access paths (VNet integration, public access with firewall rules, and
 * Private Link).
 *
 * <p>Left out: Private Link services of one's own (only endpoints to flexible servers are
 * modelled), private endpoints' application security groups, the connection's request and
 * approval workflow over time, and PostgreSQL authentication itself (a connected answer says that
 * it still applies).
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink;
