package dev.pgreach.privatelink.arm;

/**
 * The shape of one document of ARM input, as {@link ArmShapes} recognises it.
 *
 * <p>A document's shape says where its resources are; each resource's own form (a REST body,
 * flattened command-line output, a PowerShell object) is its {@link ResourceForm}.
 */
enum ArmShape {
  /**
   * A JSON array of resources: {@code az resource list}, {@code az network vnet list} and the
   * other {@code az … list} commands, {@code Get-AzResource | ConvertTo-Json}, a Resource Graph
   * query's rows taken out of their envelope, {@link ArmExport}'s output.
   */
  RESOURCE_ARRAY,
  /** An ARM REST list response: an object whose {@code value} is the array, with an optional {@code nextLink}. */
  REST_LIST,
  /** Several pages of an ARM REST list response, in order, as a JSON array of page objects. */
  REST_LIST_PAGES,
  /** One resource: a REST GET body, {@code az … show}, or one PowerShell object. */
  RESOURCE,
  /**
   * One resource wrapped in a single member, as some {@code az … create} commands print it
   * ({@code {"newVNet": {…}}}).
   */
  WRAPPED_RESOURCE,
  /**
   * Azure Resource Graph results: an object whose {@code data} is the array of rows, as {@code az
   * graph query} ({@code count}, {@code data}, {@code skip_token}, {@code total_records}) and the
   * REST API ({@code totalRecords}, {@code count}, {@code data}, {@code $skipToken}) give them.
   */
  RESOURCE_GRAPH,
  /** Azure Resource Graph results in table form: {@code data} holds {@code columns} and {@code rows}. */
  RESOURCE_GRAPH_TABLE,
  /** An ARM template; {@link ArmShapes} does not read it (templates have their own front end). */
  TEMPLATE
}
