import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import { checkSchemaFile } from './check-schema-file.js';
import { createPolicyEngine } from './create-policy-engine.js';
import type { PolicyEngine } from './policy-engine.js';
import { policySchemaFileName } from './policy-schema.js';
import type { PolicySource } from './policy-source.js';

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `${path}: cannot be read.`, cause: error });
  }
}

/**
 * Reads every `*.cedar` file in the directory (sorted by name) once, checks the
 * optional `schema.cedarschema` against the built-in schema, and builds the engine.
 * Errors name the file.
 */
export function loadPolicySet(directory: string): PolicyEngine {
  let names: string[];
  try {
    names = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `${directory}: cannot be read.`, cause: error });
  }
  if (names.includes(policySchemaFileName)) {
    const path = join(directory, policySchemaFileName);
    checkSchemaFile(read(path), path);
  }
  const sources: PolicySource[] = names
    .filter((name) => name.endsWith('.cedar'))
    .sort()
    .map((name) => {
      const path = join(directory, name);
      return { name: path, text: read(path) };
    });
  if (sources.length === 0) {
    throw new DaxError('DAX_E_POLICY_INVALID', { detail: `${directory}: no *.cedar policy files` });
  }
  return createPolicyEngine(sources);
}
