/**
 * The Cedar schema of the request DA-9 sends: who runs (a tenant), what (the `run`
 * action) and where (a domain), with the facts earlier layers established in the
 * context. Policies are validated against it when they load. It is part of this
 * code, not of the configuration: the engine builds exactly this shape, so
 * `config/policies/schema.cedarschema` must stay equal to it.
 */
export const policySchemaText = `namespace Dax {
  entity Tenant;
  entity Domain;

  type RunContext = {
    risk: String,
    riskRank: Long,
    gate: Bool,
    categories: Set<String>,
    ruleIds: Set<String>,
    injection: Bool,
    piiTypes: Set<String>,
    entityKinds: Set<String>,
    maxAmount: Long,
  };

  action run appliesTo {
    principal: Tenant,
    resource: Domain,
    context: RunContext,
  };
}
`;

/** The schema file a policy directory may carry for editors and the Cedar CLI. */
export const policySchemaFileName = 'schema.cedarschema';
