import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, input, risk } from './__fixtures__/policy-inputs.js';
import { loadPolicySet } from './load-policy-set.js';
import { policySchemaText } from './policy-schema.js';

const configDirectory = fileURLToPath(new URL('../../../../config/policies/', import.meta.url));
const base = '@id("base.allow-run") @decision("allow") permit (principal, action, resource);\n';


describe('loadPolicySet with the shipped policies', () => {
  const engine = loadPolicySet(configDirectory);

  it('loads every rule the README documents', () => {
    const readme = readFileSync(join(configDirectory, 'README.md'), 'utf8');
    expect(engine.rules.length).toBeGreaterThan(0);
    for (const rule of engine.rules) expect(readme).toContain(`\`${rule.id}\``);
    expect(engine.rules.map((rule) => rule.id)).toEqual([
      'base.allow-run',
      'content.malware',
      'injection.high-risk',
      'data.export-secrets',
      'risk.human-gate',
      'data.export-pii',
      'finance.large-transfer',
    ]);
  });

  it('allows routine work', () => {
    expect(engine.evaluate(input())).toEqual({ decision: 'allow', ruleIds: ['base.allow-run'] });
    expect(engine.evaluate(input({ risk: risk({ grade: 'P2' }), piiTypes: ['EMAIL'] })).decision).toBe('allow');
  });

  it('denies malware and injection in a high-risk run', () => {
    expect(engine.evaluate(input({ risk: risk({ categories: ['malware'] }) }))).toEqual({
      decision: 'deny',
      ruleIds: ['content.malware'],
    });
    expect(engine.evaluate(input({ injection: true, risk: risk({ grade: 'P1', gate: true }) }))).toEqual({
      decision: 'deny',
      ruleIds: ['injection.high-risk', 'risk.human-gate'],
    });
    expect(engine.evaluate(input({ injection: true, risk: risk({ grade: 'P3' }) })).decision).toBe('allow');
  });

  it('denies an export that carries credentials and gates one with personal data', () => {
    const exporting = risk({ grade: 'P2', categories: ['data-export'] });
    expect(engine.evaluate(input({ risk: exporting, piiTypes: ['AWS_ACCESS_KEY'] }))).toEqual({
      decision: 'deny',
      ruleIds: ['data.export-pii', 'data.export-secrets'],
    });
    expect(engine.evaluate(input({ risk: exporting, piiTypes: ['EMAIL'] }))).toEqual({
      decision: 'gate',
      ruleIds: ['data.export-pii'],
    });
    expect(engine.evaluate(input({ risk: exporting })).decision).toBe('allow');
  });

  it('gates P0/P1, a risk gate flag and a large finance amount', () => {
    expect(engine.evaluate(input({ risk: risk({ grade: 'P0', gate: true }) }))).toEqual({
      decision: 'gate',
      ruleIds: ['risk.human-gate'],
    });
    expect(engine.evaluate(input({ risk: risk({ grade: 'P2', gate: true }) })).decision).toBe('gate');
    expect(
      engine.evaluate(input({ domain: 'finance', entities: [{ kind: 'amount', value: '10000.00 USD' }] })),
    ).toEqual({ decision: 'gate', ruleIds: ['finance.large-transfer'] });
  });

  it('keeps config/policies/schema.cedarschema equal to the built-in schema', () => {
    const file = readFileSync(join(configDirectory, 'schema.cedarschema'), 'utf8');
    expect(file).toContain(policySchemaText.trim());
  });
});

describe('loadPolicySet errors', () => {
  let directory = '';

  afterEach(() => {
    if (directory !== '') rmSync(directory, { recursive: true, force: true });
    directory = '';
  });

  function write(files: Record<string, string>): string {
    directory = mkdtempSync(join(tmpdir(), 'dax-policy-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
    return directory;
  }

  it('names the file that does not parse', () => {
    const path = write({ '00-base.cedar': base, '10-broken.cedar': '@id("x.y") @decision("deny") forbid (principal' });
    const error = errorOf(() => loadPolicySet(path));
    expect(error.code).toBe('DAX_E_POLICY_INVALID');
    expect(error.detail).toMatch(new RegExp(`^${join(path, '10-broken.cedar').replace(/[.\\/]/g, '\\$&')}: line 1`));
  });

  it('reads only *.cedar files, in name order', () => {
    const path = write({
      'b.cedar': '@id("b.rule") @decision("gate") forbid (principal, action, resource) when { context.gate };\n',
      'a.cedar': base,
      'notes.txt': 'not a policy',
    });
    const engine = loadPolicySet(path);
    expect(engine.rules.map((rule) => rule.source)).toEqual([join(path, 'a.cedar'), join(path, 'b.cedar')]);
  });

  it('refuses a schema file that differs from the built-in schema', () => {
    const changed = policySchemaText.replace('maxAmount: Long,', 'maxAmount: Long,\n    tier: String,');
    const path = write({ 'a.cedar': base, 'schema.cedarschema': changed });
    const error = errorOf(() => loadPolicySet(path));
    expect(error.code).toBe('DAX_E_POLICY_INVALID');
    expect(error.detail).toContain(join(path, 'schema.cedarschema'));
  });

  it('accepts a reformatted but equal schema file', () => {
    const path = write({ 'a.cedar': base, 'schema.cedarschema': `// same shape\n${policySchemaText.replace(/\n\s*/g, ' ')}` });
    expect(loadPolicySet(path).rules).toHaveLength(1);
  });

  it('refuses a directory without policies and reports a missing directory', () => {
    const path = write({ 'README.md': '# nothing' });
    expect(errorOf(() => loadPolicySet(path)).code).toBe('DAX_E_POLICY_INVALID');
    expect(errorOf(() => loadPolicySet(join(path, 'missing'))).code).toBe('DAX_E_CONFIG_NOT_FOUND');
  });
});
