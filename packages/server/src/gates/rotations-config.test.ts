import { readFileSync } from 'node:fs';
import { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { defaultRotations } from './default-rotations.js';
import { loadRotations, parseRotations } from './load-rotations.js';

const base = {
  version: 1,
  defaultRotation: 'ops',
  rotations: [{ name: 'ops', timeZone: 'Europe/Berlin', members: ['key:alice'], sla: { acknowledgeSeconds: 60, decideSeconds: 600 } }],
};

function problemOf(input: unknown, env: Record<string, string> = {}): string {
  try {
    parseRotations(input, env, 'rotations.json');
  } catch (error) {
    if (DaxError.isInstance(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('rotations config', () => {
  it('accepts a minimal file and fills defaults', () => {
    const rotations = parseRotations(base, {});
    expect(rotations.file.rotations[0]).toMatchObject({ shifts: [], overrides: [], escalation: [] });
    expect(rotations.file.webhooks).toEqual([]);
  });

  it('the shipped config/rotations.json is the built-in default', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../../../config/rotations.json', import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(defaultRotations);
    expect(loadRotations({ env: {}, cwd: '/nonexistent' }).source).toBe('built-in');
  });

  it.each([
    [{ ...base, extra: true }, '"extra" is not a known setting'],
    [{ ...base, version: 2 }, '"version"'],
    [{ ...base, defaultRotation: 'nobody' }, '"defaultRotation" names no rotation ("nobody")'],
    [{ ...base, rotations: [{ ...base.rotations[0], timeZone: 'Mars/Olympus' }] }, 'must be an IANA time zone'],
    [{ ...base, rotations: [{ ...base.rotations[0], members: ['alice'] }] }, 'must be key:<id>, oidc:<sub>, cert:<fingerprint> or role:approver'],
    [{ ...base, rotations: [{ ...base.rotations[0], sla: { acknowledgeSeconds: 600, decideSeconds: 60 } }] }, 'must be longer than acknowledgeSeconds'],
    [{ ...base, rotations: [{ ...base.rotations[0], shifts: [{ days: ['mon'], start: '09:00', end: '17:00', members: ['key:bob'] }] }] }, '"key:bob" is not a member of the rotation'],
    [{ ...base, rotations: [{ ...base.rotations[0], shifts: [{ days: ['mon'], start: '9am', end: '17:00', members: ['key:alice'] }] }] }, 'must be HH:MM'],
    [{ ...base, routing: [{ rotation: 'security' }] }, '"routing.0.rotation" names no rotation ("security")'],
    [{ ...base, webhooks: [{ name: 'pd', url: 'https://events.example/v2', format: 'pagerduty', secretEnv: 'PD_SECRET' }] }, 'is required for the pagerduty format'],
  ])('refuses %j with a message that says what to fix', (input, message) => {
    const problem = problemOf(input);
    expect(problem).toContain('DAX_E_CONFIG_INVALID');
    expect(problem).toContain('rotations.json');
    expect(problem).toContain(message);
  });

  it('reads webhook secrets from the environment and refuses a missing or short one', () => {
    const withHook = { ...base, webhooks: [{ name: 'hook', url: 'https://hooks.example/dax', format: 'generic', secretEnv: 'HOOK_SECRET' }] };
    expect(problemOf(withHook)).toContain('needs a signing secret of at least 16 characters in $HOOK_SECRET');
    expect(problemOf(withHook, { HOOK_SECRET: 'short' })).toContain('$HOOK_SECRET');
    expect(parseRotations(withHook, { HOOK_SECRET: 'a-long-enough-secret' }).secrets.get('hook')).toEqual({ secret: 'a-long-enough-secret' });
  });
});
