package dev.pgreach.firewall;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Step;
import dev.pgreach.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An obviously-correct, rule-by-rule reading of the public endpoint's semantics, written without
 * any index, for property tests to hold {@link PublicAccess} to.
 */
final class ReferenceFirewall {
  private ReferenceFirewall() {}

  private static final Comparator<FirewallRule> EARLIEST =
      Comparator.comparing((FirewallRule r) -> r.changedAt().orElse(Instant.MIN)).thenComparing(r -> r.name().toLowerCase(Locale.ROOT));

  private static final Comparator<FirewallRuleRemoval> LATEST =
      Comparator.comparing(FirewallRuleRemoval::removedAt)
          .reversed()
          .thenComparing(r -> r.name().toLowerCase(Locale.ROOT))
          .thenComparing(FirewallRuleRemoval::name)
          .thenComparing(FirewallRuleRemoval::range);

  static Verdict admit(FirewallRuleSet set, FirewallSource source, Instant at, Duration delay, AddressSet azureRanges) {
    Instant cutoff = at.minus(delay);
    boolean azure = source.azureAllocated() || (source.address().isPresent() && azureRanges.contains(source.address().get()));
    FirewallSource seen = new FirewallSource(source.address(), azure);
    List<FirewallRule> ordinary = set.rules().stream().filter(r -> !isAzure(r)).collect(Collectors.toList());
    List<FirewallRule> azureRules = set.rules().stream().filter(ReferenceFirewall::isAzure).sorted(EARLIEST).collect(Collectors.toList());
    List<FirewallRuleRemoval> recentRemovals =
        set.removals().stream().filter(r -> r.removedAt().isAfter(cutoff)).sorted(LATEST).collect(Collectors.toList());
    Optional<FirewallRule> settledAzure = azureRules.stream().filter(r -> settled(r, cutoff)).findFirst();
    List<Step> steps = new ArrayList<>();
    if (source.address().isPresent()) {
      Ipv4Address a = source.address().get();
      List<FirewallRule> matching = new ArrayList<>();
      for (FirewallRule r : ordinary) {
        long x = a.toLong();
        if (r.startIpAddress().toLong() <= x && x <= r.endIpAddress().toLong()) {
          matching.add(r);
        }
      }
      matching.sort(EARLIEST);
      Optional<FirewallRule> settledMatch = matching.stream().filter(r -> settled(r, cutoff)).findFirst();
      if (settledMatch.isPresent()) {
        return Verdict.of(List.of(new FirewallStep.RuleMatched(settledMatch.get().name(), settledMatch.get().range(), seen)));
      }
      if (azure && settledAzure.isPresent()) {
        return Verdict.of(List.of(new FirewallStep.AzureServicesAllowed(settledAzure.get().name(), seen)));
      }
      if (!matching.isEmpty()) {
        steps.add(added(matching.get(0), seen, delay));
      }
      recentRemovals.stream()
          .filter(r -> !r.isAllowAzureServices() && r.range().contains(a))
          .findFirst()
          .ifPresent(r -> steps.add(removed(r, seen, delay)));
    } else {
      Optional<FirewallRule> everyone =
          ordinary.stream().filter(r -> r.range().size() == 1L << 32).sorted(EARLIEST).filter(r -> settled(r, cutoff)).findFirst();
      if (everyone.isPresent()) {
        return Verdict.of(List.of(new FirewallStep.RuleMatched(everyone.get().name(), everyone.get().range(), seen)));
      }
      if (azure && settledAzure.isPresent()) {
        return Verdict.of(List.of(new FirewallStep.AzureServicesAllowed(settledAzure.get().name(), seen)));
      }
    }
    if (azure && !azureRules.isEmpty()) {
      steps.add(added(azureRules.get(0), seen, delay));
    }
    if (azure) {
      recentRemovals.stream().filter(FirewallRuleRemoval::isAllowAzureServices).findFirst().ifPresent(r -> steps.add(removed(r, seen, delay)));
    }
    if (source.address().isEmpty()) {
      long mayMatch = ordinary.size() + recentRemovals.stream().filter(r -> !r.isAllowAzureServices()).count();
      if (mayMatch > 0) {
        steps.add(new FirewallStep.SourceUnknown(seen, (int) mayMatch));
      }
    }
    if (steps.isEmpty()) {
      steps.add(new FirewallStep.NoRuleMatched(Optional.empty(), seen, set.size()));
    }
    return Verdict.of(steps);
  }

  private static boolean isAzure(FirewallRule r) {
    return r.startIpAddress().toLong() == 0 && r.endIpAddress().toLong() == 0;
  }

  private static boolean settled(FirewallRule r, Instant cutoff) {
    return r.changedAt().map(t -> !t.isAfter(cutoff)).orElse(true);
  }

  private static FirewallStep added(FirewallRule r, FirewallSource source, Duration delay) {
    Instant t = r.changedAt().orElseThrow();
    return new FirewallStep.ChangePropagating(r.name(), r.range(), false, t, t.plus(delay), source);
  }

  private static FirewallStep removed(FirewallRuleRemoval r, FirewallSource source, Duration delay) {
    return new FirewallStep.ChangePropagating(r.name(), r.range(), true, r.removedAt(), r.removedAt().plus(delay), source);
  }
}
