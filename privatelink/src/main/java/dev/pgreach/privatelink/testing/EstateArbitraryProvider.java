package dev.pgreach.privatelink.testing;

import dev.pgreach.privatelink.Estate;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * The default jqwik provider for {@link Estate}, {@link ArmInput} and {@link TemplateInput}
 * parameters, registered with jqwik by this module: {@code @ForAll Estate estate} gets {@link
 * EstateArbitraries#estates()}, {@code @ForAll ArmInput input} gets {@link
 * EstateArbitraries#armInputs()}, {@code @ForAll TemplateInput input} gets {@link
 * EstateArbitraries#templateInputs()}.
 */
public final class EstateArbitraryProvider implements ArbitraryProvider {
  /** Creates the provider; jqwik does this through the service registration. */
  public EstateArbitraryProvider() {}

  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return targetType.isOfType(Estate.class) || targetType.isOfType(ArmInput.class) || targetType.isOfType(TemplateInput.class);
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    if (targetType.isOfType(TemplateInput.class)) {
      return Set.of(EstateArbitraries.templateInputs());
    }
    if (targetType.isOfType(ArmInput.class)) {
      return Set.of(EstateArbitraries.armInputs());
    }
    return Set.of(EstateArbitraries.estates());
  }
}
