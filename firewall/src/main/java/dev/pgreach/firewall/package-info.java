/**
 * Every rule that allows or denies a flow to an Azure Database for PostgreSQL flexible server:
 * the server's firewall at its public endpoint, and network security groups in virtual networks.
 *
 * <p>The server firewall: {@link dev.pgreach.firewall.FirewallRule} (a named, inclusive IPv4
 * range), {@link dev.pgreach.firewall.FirewallRuleSet} (a server's rules, with create-or-update by
 * name and recorded removals), and {@link dev.pgreach.firewall.PublicAccess}, which compiles a
 * rule set into sorted intervals and decides whether a source may connect at an instant:
 * {@code publicNetworkAccess}, default deny, the {@code 0.0.0.0} rule that admits Azure-allocated
 * addresses of every tenant, unknown source addresses, and the five-minute propagation window.
 *
 * <p>Network security groups: {@link dev.pgreach.firewall.NetworkSecurityGroup} with its
 * {@link dev.pgreach.firewall.SecurityRule}s and Azure's six default rules, and {@link
 * dev.pgreach.firewall.NetworkSecurity}, which evaluates a {@link dev.pgreach.firewall.Flow}
 * through the groups of subnets and network interfaces (subnet then interface inbound, interface
 * then subnet outbound, first match by priority, stateful), with the VirtualNetwork, Internet and
 * AzureLoadBalancer service tags computed from the network for each subnet and other tags opaque
 * unless supplied.
 *
 * <p>Answers are {@link dev.pgreach.core.Verdict}s whose steps ({@link
 * dev.pgreach.firewall.FirewallStep}, {@link dev.pgreach.firewall.SecurityGroupStep}) name the
 * rule or setting that decided. {@link dev.pgreach.firewall.FirewallValidation} reports stable
 * findings: redundant, allow-all and allow-Azure-services firewall rules, rules that are not
 * enforced or not allowed, shadowed security rules, and groups that break a flexible server's
 * high availability or WAL archiving.
 *
 * <p>Left out: DNS, private endpoints and the whole-estate connection question (other modules),
 * security admin rules of Virtual Network Manager, application security group membership,
 * database-level and PostgreSQL {@code pg_hba} rules, and anything that needs a clock: every
 * question takes its instant as a parameter.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.firewall;
