package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a template is deployed, as a user gives it to {@code az deployment group create}: the
 * deployment's name, its subscription, resource group and the group's location, the tenant, the
 * cloud, and values for the template's parameters from a deployment parameters file ({@code
 * deploymentParameters.json}), from {@code name=value} pairs, or as JSON values.
 *
 * <pre>{@code
 * Deployment d = Deployment.builder()
 *     .name("main")
 *     .subscriptionId("0b7e5c1a-…").resourceGroup("app-rg").location("westeurope")
 *     .parametersFile(Files.readString(Path.of("main.parameters.json")))
 *     .parameter("serverName=orders-db")
 *     .build();
 * }</pre>
 *
 * <p>A later value for a parameter replaces an earlier one, as with the Azure CLI. A value given
 * as {@code name=value} is read by the parameter's declared type: the text itself for a string,
 * the JSON value otherwise. What is not given is unknown to the template: {@code deployment().name}
 * without a name, {@code resourceGroup().location} without a location, {@code environment()}
 * without a cloud. Instances are immutable; two are equal when they hold the same values.
 */
public final class Deployment {
  /** The clouds whose {@code environment()} is known. */
  public static final String AZURE_CLOUD = "AzureCloud";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Deployment NONE = new Builder().build();

  /** A value given for a parameter: JSON, or text to read by the parameter's type. */
  record Given(String name, Optional<JsonNode> json, Optional<String> text, boolean keyVault, String source) {}

  private final Optional<String> name;
  private final Optional<String> subscriptionId;
  private final Optional<String> resourceGroup;
  private final Optional<String> location;
  private final Optional<String> tenantId;
  private final Optional<String> managementGroup;
  private final Optional<String> cloud;
  private final ImmutableMap<String, Given> parameters;

  private Deployment(Builder b) {
    this.name = b.name;
    this.subscriptionId = b.subscriptionId;
    this.resourceGroup = b.resourceGroup;
    this.location = b.location;
    this.tenantId = b.tenantId;
    this.managementGroup = b.managementGroup;
    this.cloud = b.cloud;
    this.parameters = ImmutableMap.copyOf(b.parameters);
  }

  /**
   * Returns the deployment that gives nothing: a placeholder subscription and resource group,
   * everything else unknown.
   *
   * @return the empty deployment
   */
  public static Deployment none() {
    return NONE;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns this deployment with what it does not give taken from another: each scope value, and
   * each parameter it gives no value for.
   *
   * @param fallback the other deployment (such as the companion document's {@code deployment})
   * @return the combined deployment
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public Deployment orElse(Deployment fallback) {
    if (fallback == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Deployment.orElse.fallback is required");
    }
    Builder b = new Builder();
    b.name = name.or(() -> fallback.name);
    b.subscriptionId = subscriptionId.or(() -> fallback.subscriptionId);
    b.resourceGroup = resourceGroup.or(() -> fallback.resourceGroup);
    b.location = location.or(() -> fallback.location);
    b.tenantId = tenantId.or(() -> fallback.tenantId);
    b.managementGroup = managementGroup.or(() -> fallback.managementGroup);
    b.cloud = cloud.or(() -> fallback.cloud);
    b.parameters.putAll(fallback.parameters);
    b.parameters.putAll(parameters);
    return b.build();
  }

  /** @return the deployment's name, or empty when not given */
  public Optional<String> name() {
    return name;
  }

  /** @return the subscription's id, or empty when not given */
  public Optional<String> subscriptionId() {
    return subscriptionId;
  }

  /** @return the resource group's name, or empty when not given */
  public Optional<String> resourceGroup() {
    return resourceGroup;
  }

  /** @return the resource group's location, or empty when not given */
  public Optional<String> location() {
    return location;
  }

  /** @return the tenant's id, or empty when not given */
  public Optional<String> tenantId() {
    return tenantId;
  }

  /** @return the management group's name, or empty when not given */
  public Optional<String> managementGroup() {
    return managementGroup;
  }

  /** @return the cloud ({@link #AZURE_CLOUD}), or empty when not given */
  public Optional<String> cloud() {
    return cloud;
  }

  /** @return the names of the parameters given values, as spelt when given, in order */
  public List<String> parameterNames() {
    return parameters.values().stream().map(Given::name).toList();
  }

  /** The values given, by parameter name in lower case. */
  ImmutableMap<String, Given> given() {
    return parameters;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Deployment d)) {
      return false;
    }
    return name.equals(d.name) && subscriptionId.equals(d.subscriptionId) && resourceGroup.equals(d.resourceGroup) && location.equals(d.location)
        && tenantId.equals(d.tenantId) && managementGroup.equals(d.managementGroup) && cloud.equals(d.cloud) && parameters.equals(d.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, subscriptionId, resourceGroup, location, tenantId, managementGroup, cloud, parameters);
  }

  @Override
  public String toString() {
    return "Deployment[" + name.orElse("(no name)") + ", " + subscriptionId.orElse("-") + "/" + resourceGroup.orElse("-") + ", parameters " + parameterNames() + "]";
  }

  /** Builds {@link Deployment}s. */
  public static final class Builder {
    private Optional<String> name = Optional.empty();
    private Optional<String> subscriptionId = Optional.empty();
    private Optional<String> resourceGroup = Optional.empty();
    private Optional<String> location = Optional.empty();
    private Optional<String> tenantId = Optional.empty();
    private Optional<String> managementGroup = Optional.empty();
    private Optional<String> cloud = Optional.empty();
    private final Map<String, Given> parameters = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the deployment's name ({@code deployment().name}); the Azure CLI's default is the
     * template file's name without its extension.
     *
     * @param name the name; not blank
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Optional.of(nonBlank(name, "Deployment.name"));
      return this;
    }

    /**
     * Sets the subscription deployed to.
     *
     * @param id the subscription's id; not blank
     * @return this builder
     */
    public Builder subscriptionId(String id) {
      this.subscriptionId = Optional.of(nonBlank(id, "Deployment.subscriptionId"));
      return this;
    }

    /**
     * Sets the resource group deployed to.
     *
     * @param group the group's name; not blank
     * @return this builder
     */
    public Builder resourceGroup(String group) {
      this.resourceGroup = Optional.of(nonBlank(group, "Deployment.resourceGroup"));
      return this;
    }

    /**
     * Sets the resource group's location ({@code resourceGroup().location}).
     *
     * @param location a region's name; not blank
     * @return this builder
     */
    public Builder location(String location) {
      this.location = Optional.of(nonBlank(location, "Deployment.location"));
      return this;
    }

    /**
     * Sets the tenant ({@code tenant().tenantId}, {@code subscription().tenantId}).
     *
     * @param id the tenant's id; not blank
     * @return this builder
     */
    public Builder tenantId(String id) {
      this.tenantId = Optional.of(nonBlank(id, "Deployment.tenantId"));
      return this;
    }

    /**
     * Sets the management group ({@code managementGroup()}).
     *
     * @param group the group's name; not blank
     * @return this builder
     */
    public Builder managementGroup(String group) {
      this.managementGroup = Optional.of(nonBlank(group, "Deployment.managementGroup"));
      return this;
    }

    /**
     * Sets the cloud, which gives {@code environment()}.
     *
     * @param cloud {@link #AZURE_CLOUD}, the only cloud pgreach knows the endpoints of
     * @return this builder
     * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for another cloud
     */
    public Builder cloud(String cloud) {
      nonBlank(cloud, "Deployment.cloud");
      if (!cloud.equalsIgnoreCase(AZURE_CLOUD)) {
        throw PgreachException.of(ErrorCode.INVALID_VALUE, "Deployment.cloud (%s) must be %s", cloud, AZURE_CLOUD);
      }
      this.cloud = Optional.of(AZURE_CLOUD);
      return this;
    }

    /**
     * Adds the values of a deployment parameters file ({@code deploymentParameters.json}): an
     * object whose {@code parameters} map each name to {@code {"value": …}} or to a Key Vault
     * {@code {"reference": …}} (whose secret is unknown).
     *
     * @param json the file's text
     * @return this builder
     * @throws PgreachException {@link ErrorCode#INVALID_INPUT} naming the path in the file
     *     ({@code parameters file $.parameters.size}) of every mistake at once
     */
    public Builder parametersFile(String json) {
      if (json == null) {
        throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Deployment.parametersFile.json is required");
      }
      JsonNode tree;
      try {
        tree = MAPPER.readTree(json);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw PgreachException.of(ErrorCode.INVALID_INPUT, "parameters file $: cannot be read as JSON: %s", dev.pgreach.privatelink.arm.JsonSyntax.describe(e, json));
      }
      if (tree == null || !tree.isObject()) {
        throw PgreachException.of(ErrorCode.INVALID_INPUT, "parameters file $ (%s): must be an object with parameters", tree == null ? "empty" : Values.show(tree));
      }
      String key = Values.key(tree, "parameters");
      JsonNode ps = key == null ? null : tree.get(key);
      if (ps == null || !ps.isObject()) {
        throw PgreachException.of(ErrorCode.INVALID_INPUT, "parameters file $.parameters (%s): must be an object of parameter values", ps == null ? "missing" : Values.show(ps));
      }
      List<PgreachException> problems = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = ps.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        String at = "parameters file $." + key + Values.memberPath(m.getKey());
        JsonNode v = m.getValue();
        JsonNode value = v.isObject() ? Values.member(v, "value") : null;
        if (value != null) {
          parameters.put(m.getKey().toLowerCase(Locale.ROOT), new Given(m.getKey(), Optional.of(value), Optional.empty(), false, at + ".value"));
        } else if (v.isObject() && Values.member(v, "reference") != null) {
          parameters.put(m.getKey().toLowerCase(Locale.ROOT), new Given(m.getKey(), Optional.empty(), Optional.empty(), true, at + ".reference"));
        } else {
          problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s (%s): must be an object with a value, or a Key Vault reference", at, Values.show(v)));
        }
      }
      if (!problems.isEmpty()) {
        throw PgreachException.several(problems, 0);
      }
      return this;
    }

    /**
     * Adds a value given as {@code name=value}, as {@code az deployment group create --parameters
     * name=value} takes it: the text after the first {@code =} is the value, read by the
     * parameter's declared type.
     *
     * @param nameEqualsValue such as {@code serverName=orders-db} or {@code ports=[5432,6432]}
     * @return this builder
     * @throws PgreachException {@link ErrorCode#INVALID_VALUE} when there is no {@code =} or no
     *     name before it
     */
    public Builder parameter(String nameEqualsValue) {
      if (nameEqualsValue == null) {
        throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Deployment.parameter is required");
      }
      int eq = nameEqualsValue.indexOf('=');
      if (eq <= 0 || nameEqualsValue.substring(0, eq).isBlank()) {
        throw PgreachException.of(ErrorCode.INVALID_VALUE, "Deployment.parameter (%s) must be name=value", Values.show(Values.F.textNode(nameEqualsValue)));
      }
      String n = nameEqualsValue.substring(0, eq).strip();
      parameters.put(n.toLowerCase(Locale.ROOT), new Given(n, Optional.empty(), Optional.of(nameEqualsValue.substring(eq + 1)), false, "parameter " + n));
      return this;
    }

    /**
     * Adds a value given as JSON (as the companion document's {@code deployment.parameters} gives
     * them).
     *
     * @param name the parameter's name; not blank
     * @param json the value's JSON text
     * @param source what names the value in messages, such as {@code companion
     *     $.deployment.parameters.size}
     * @return this builder
     * @throws PgreachException {@link ErrorCode#INVALID_INPUT} for text that is not JSON
     */
    public Builder parameterJson(String name, String json, String source) {
      nonBlank(name, "Deployment.parameterJson.name");
      if (json == null || source == null) {
        throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Deployment.parameterJson.%s is required", json == null ? "json" : "source");
      }
      JsonNode v;
      try {
        v = MAPPER.readTree(json);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw PgreachException.of(ErrorCode.INVALID_INPUT, "%s: cannot be read as JSON: %s", source, dev.pgreach.privatelink.arm.JsonSyntax.describe(e, json));
      }
      parameters.put(name.toLowerCase(Locale.ROOT), new Given(name, Optional.of(v == null ? Values.nullValue() : v), Optional.empty(), false, source));
      return this;
    }

    /**
     * Builds the deployment.
     *
     * @return the deployment
     */
    public Deployment build() {
      return new Deployment(this);
    }

    private static String nonBlank(String v, String what) {
      if (v == null) {
        throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s is required", what);
      }
      if (v.isBlank()) {
        throw PgreachException.of(ErrorCode.INVALID_VALUE, "%s must not be blank", what);
      }
      return v;
    }
  }
}
