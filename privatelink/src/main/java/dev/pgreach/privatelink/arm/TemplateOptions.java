package dev.pgreach.privatelink.arm;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * How {@link ArmTemplateExport} writes an estate as a deployment template: which {@link
 * TemplateFeature features} the template uses, and whether it is in Bicep's form (language version
 * 2.0, resources as an object by symbolic name, {@code dependsOn} and {@code reference} by symbol)
 * or in the classic form (language version 1.0, a resource array, {@code dependsOn} by {@code
 * resourceId}).
 *
 * <pre>{@code
 * TemplateOptions o = TemplateOptions.defaults()          // every feature, classic form
 *     .without(TemplateFeature.MODULES)
 *     .bicep(true);
 * }</pre>
 *
 * <p>Instances are immutable; every method returning options returns a new instance. Two are
 * equal when they hold the same features and form.
 */
public final class TemplateOptions {
  private static final TemplateOptions DEFAULTS = new TemplateOptions(Sets.immutableEnumSet(EnumSet.allOf(TemplateFeature.class)), false);

  private final ImmutableSet<TemplateFeature> features;
  private final boolean bicep;

  private TemplateOptions(ImmutableSet<TemplateFeature> features, boolean bicep) {
    this.features = features;
    this.bicep = bicep;
  }

  /**
   * Returns the options with every feature, in the classic form (language version 1.0).
   *
   * @return the default options
   */
  public static TemplateOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns options with exactly the given features.
   *
   * @param features the features the template uses; may be empty (plain declarations only)
   * @param bicep whether the template is in Bicep's form (language version 2.0, symbolic names)
   * @return the options
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null set or element
   */
  public static TemplateOptions of(Set<TemplateFeature> features, boolean bicep) {
    Checks.notNull(features, "TemplateOptions.of.features");
    features.forEach(f -> Checks.notNull(f, "TemplateOptions.of.features[]"));
    return new TemplateOptions(Sets.immutableEnumSet(features), bicep);
  }

  /**
   * Returns these options without some features.
   *
   * @param left features to leave out
   * @return the new options
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument or element
   */
  public TemplateOptions without(TemplateFeature... left) {
    Checks.notNull(left, "TemplateOptions.without.features");
    EnumSet<TemplateFeature> kept = features.isEmpty() ? EnumSet.noneOf(TemplateFeature.class) : EnumSet.copyOf(features);
    Arrays.stream(left).forEach(f -> kept.remove(Checks.notNull(f, "TemplateOptions.without.features[]")));
    return new TemplateOptions(Sets.immutableEnumSet(kept), bicep);
  }

  /**
   * Returns these options in Bicep's form or in the classic one.
   *
   * @param bicep whether the template is in Bicep's form (language version 2.0, symbolic names)
   * @return the new options
   */
  public TemplateOptions bicep(boolean bicep) {
    return new TemplateOptions(features, bicep);
  }

  /**
   * Returns the features the template uses.
   *
   * @return the features, in declaration order
   */
  public ImmutableSet<TemplateFeature> features() {
    return features;
  }

  /**
   * Tells whether the template uses a feature.
   *
   * @param feature the feature
   * @return whether it is among {@link #features()}
   */
  public boolean has(TemplateFeature feature) {
    return features.contains(feature);
  }

  /**
   * Tells whether the template is in Bicep's form: {@code languageVersion} 2.0, resources as an
   * object by symbolic name, {@code dependsOn} and module outputs by symbol.
   *
   * @return whether it is
   */
  public boolean isBicep() {
    return bicep;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateOptions && ((TemplateOptions) o).features.equals(features) && ((TemplateOptions) o).bicep == bicep;
  }

  @Override
  public int hashCode() {
    return features.hashCode() * 31 + Boolean.hashCode(bicep);
  }

  /** Returns the features and the form, such as {@code TemplateOptions[PARAMETERS, VARIABLES]; 2.0}. */
  @Override
  public String toString() {
    return "TemplateOptions" + features + "; " + (bicep ? "2.0" : "1.0");
  }
}
