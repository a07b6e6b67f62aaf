import { canonicalJson } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { policySchemaText } from './policy-schema.js';
import { cedar } from './cedar-engine.js';

function schemaJson(text: string, name: string): string {
  const answer = cedar.schemaToJson(text);
  if (answer.type === 'failure') {
    const message = answer.errors.map((error) => error.message).join('; ');
    throw new DaxError('DAX_E_POLICY_INVALID', { detail: `${name}: ${message}` });
  }
  return canonicalJson(answer.json);
}

/**
 * A schema file next to the policies documents the request shape for editors and
 * the Cedar CLI. It must declare the same schema the engine sends requests in;
 * otherwise policies written against it would not mean what they say.
 */
export function checkSchemaFile(text: string, name: string): void {
  if (schemaJson(text, name) !== schemaJson(policySchemaText, 'built-in policy schema')) {
    throw new DaxError('DAX_E_POLICY_INVALID', {
      detail: `${name}: differs from the request schema this Dax version sends; restore the schema.cedarschema shipped with this version`,
    });
  }
}
