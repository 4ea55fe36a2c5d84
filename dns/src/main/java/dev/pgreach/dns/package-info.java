/**
 * Name resolution for Azure Database for PostgreSQL – Flexible Server, as Azure does it: private
 * DNS zones with their records and virtual network links, the public records Azure publishes for
 * every server, and the resolvers in between.
 *
 * <p>What is modelled:
 *
 * <ul>
 *   <li>{@link dev.pgreach.dns.PrivateDnsZone}s with A and CNAME {@link dev.pgreach.dns.DnsRecord}s
 *       and {@link dev.pgreach.dns.VirtualNetworkLink}s (registration or resolution, with a
 *       {@link dev.pgreach.dns.ResolutionPolicy});
 *   <li>{@link dev.pgreach.dns.DnsServer}s: custom DNS servers in virtual networks or on premises,
 *       with forwarders and conditional forwarders, and DNS Private Resolver inbound endpoints;
 *       Azure-provided DNS ({@code 168.63.129.16}), which answers only from inside a virtual
 *       network; a network's DNS server list and an on-premises network's;
 *   <li>public DNS for a server's host name in each networking mode: the CNAME into the server's
 *       private zone for VNet integration, into {@code privatelink.postgres.database.azure.com}
 *       for a server with a private endpoint, or into {@code rs-<id>.postgres.database.azure.com}
 *       otherwise, then the server's public endpoint;
 *   <li>resolution from any client location ({@link dev.pgreach.dns.Resolver}), answered with a
 *       {@link dev.pgreach.dns.Resolution}: a disposition, the full alias chain and the {@link
 *       dev.pgreach.dns.DnsStep}s; and validation ({@link dev.pgreach.dns.DnsValidation}).
 * </ul>
 *
 * <p>What is left out: record types other than A and CNAME (no AAAA, PTR or reverse lookups, MX,
 * SRV, TXT), wildcard records, TTL expiry and caching (nothing goes stale: there is no clock),
 * automatic registration of virtual machines, Private Resolver outbound endpoints and forwarding
 * rulesets, DNSSEC, network security groups on port 53, public DNS for names outside {@code
 * postgres.database.azure.com}, and any real DNS lookup. Private endpoints belong to another
 * module: here they are only the set of servers that have one, and the A records their DNS zone
 * groups write into a {@code privatelink} zone.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.dns;
