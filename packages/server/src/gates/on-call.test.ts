import { describe, expect, it } from 'vitest';
import type { Identity } from '../identity.js';
import { decidersAt, isMember, localTime, onCallMembers, routeGate } from './on-call.js';
import { rotationsFileSchema } from './rotations-config.js';

const file = rotationsFileSchema.parse({
  version: 1,
  defaultRotation: 'ops',
  rotations: [
    {
      name: 'ops',
      timeZone: 'America/New_York',
      members: ['key:day', 'key:night', 'key:cover'],
      shifts: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', members: ['key:day'] },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '17:00', end: '09:00', members: ['key:night'] },
      ],
      overrides: [{ from: '2026-03-10T13:00:00Z', to: '2026-03-10T15:00:00Z', members: ['key:cover'] }],
      sla: { acknowledgeSeconds: 60, decideSeconds: 600 },
      escalation: [{ members: ['key:manager'], acknowledgeSeconds: 60 }, { members: ['key:director'], acknowledgeSeconds: 60 }],
    },
    { name: 'money', timeZone: 'UTC', members: ['key:finance'], sla: { acknowledgeSeconds: 60, decideSeconds: 600 } },
    { name: 'prod', timeZone: 'UTC', members: ['key:sre'], sla: { acknowledgeSeconds: 60, decideSeconds: 600 } },
  ],
  routing: [
    { rotation: 'money', ruleIds: ['risk.money.large-transfer'] },
    { rotation: 'prod', domains: ['infra'], grades: ['P0'] },
  ],
});
const ops = file.rotations[0]!;

describe('on-call schedule (IANA time zones by Intl)', () => {
  it('reads local weekday and minute, including across daylight saving time', () => {
    // 2026-03-09 is the Monday after the US switch to daylight time (UTC-4).
    expect(localTime(new Date('2026-03-09T13:30:00Z'), 'America/New_York')).toEqual({ day: 'mon', minute: 9 * 60 + 30 });
    expect(localTime(new Date('2026-03-06T13:30:00Z'), 'America/New_York')).toEqual({ day: 'fri', minute: 8 * 60 + 30 });
  });

  it('picks the weekly shift covering the moment, overnight shifts included', () => {
    expect(onCallMembers(ops, new Date('2026-03-09T14:00:00Z'))).toEqual(['key:day']);
    expect(onCallMembers(ops, new Date('2026-03-09T23:00:00Z'))).toEqual(['key:night']);
    // Saturday 03:00 local is still Friday's night shift.
    expect(onCallMembers(ops, new Date('2026-03-14T07:00:00Z'))).toEqual(['key:night']);
    // Sunday noon: no shift covers it, so the whole rotation is on call.
    expect(onCallMembers(ops, new Date('2026-03-15T16:00:00Z'))).toEqual(['key:day', 'key:night', 'key:cover']);
  });

  it('lets an override win over the shifts while it lasts', () => {
    expect(onCallMembers(ops, new Date('2026-03-10T14:00:00Z'))).toEqual(['key:cover']);
    expect(onCallMembers(ops, new Date('2026-03-10T15:00:00Z'))).toEqual(['key:day']);
  });

  it('adds each reached escalation level to who may decide', () => {
    const at = new Date('2026-03-09T14:00:00Z');
    expect(decidersAt(ops, 0, at)).toEqual(['key:day']);
    expect(decidersAt(ops, 2, at)).toEqual(['key:day', 'key:manager', 'key:director']);
  });

  it('checks members by subject, and role:approver by role', () => {
    const identity: Identity = { subject: 'key:x', tenant: 't', roles: ['approver'], method: 'api-key' };
    expect(isMember(['key:x'], identity)).toBe(true);
    expect(isMember(['key:y'], identity)).toBe(false);
    expect(isMember(['role:approver'], identity)).toBe(true);
    expect(isMember(['role:approver'], { ...identity, roles: ['caller'] })).toBe(false);
  });

  it('routes by rule id, by domain and grade together, else to the default rotation', () => {
    expect(routeGate(file, { domain: 'finance', grade: 'P1', ruleIds: ['risk.money.large-transfer'] }).name).toBe('money');
    expect(routeGate(file, { domain: 'infra', grade: 'P0', ruleIds: [] }).name).toBe('prod');
    expect(routeGate(file, { domain: 'infra', grade: 'P1', ruleIds: [] }).name).toBe('ops');
  });
});
