import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const promtool = '/usr/bin/promtool';
const prometheusDir = fileURLToPath(new URL('../deploy/prometheus/', import.meta.url));

function run(args: string[]): string {
  return execFileSync(promtool, args, { cwd: prometheusDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.skipIf(!existsSync(promtool))('deploy/prometheus rules under promtool', () => {
  it('every rule file passes promtool check rules', () => {
    const files = readdirSync(prometheusDir).filter((name) => name.endsWith('.yml'));
    expect(files).toEqual(expect.arrayContaining(['dax-alerts.yml', 'dax-recording-rules.yml']));
    const output = run(['check', 'rules', ...files]);
    expect(output).toContain('SUCCESS');
    expect(output).not.toContain('FAILED');
  });

  it('the rule unit tests pass: alerts fire on burning series and stay quiet on healthy ones', () => {
    const output = run(['test', 'rules', 'tests/dax-alerts.test.yml']);
    expect(output).toContain('SUCCESS');
  });
});
