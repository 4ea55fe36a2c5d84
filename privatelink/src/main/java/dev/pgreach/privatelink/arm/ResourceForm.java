package dev.pgreach.privatelink.arm;

/** The form in which a document writes one resource. */
enum ResourceForm {
  /**
   * The REST body form: {@code id}, {@code name}, {@code type}, {@code location}, {@code sku} and
   * the resource's settings inside {@code properties} (ARM REST, {@code az resource list/show},
   * Resource Graph, {@link ArmExport}).
   */
  REST,
  /**
   * Azure CLI's flattened form ({@code az network vnet show}, {@code az postgres flexible-server
   * list} …): the members of {@code properties} written beside {@code id} and {@code name}, in
   * sub-resources too ({@code subnets[].addressPrefix}), with a {@code resourceGroup} added to
   * every object that has an {@code id}, and every attribute the service did not return written as
   * {@code null}.
   */
  FLATTENED,
  /**
   * A PowerShell {@code Get-AzResource -ExpandProperties} object: PascalCase {@code ResourceId},
   * {@code ResourceType}, {@code Name}, {@code Location}, {@code Sku}, {@code Properties}, and
   * child resources nested under {@code resources} (as PSRule's exports have them).
   */
  POWERSHELL
}
