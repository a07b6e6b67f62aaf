import type { RiskGrade } from '@dax/protocol';
import type { Identity } from '../identity.js';
import { weekDays, type Rotation, type RotationsFile } from './rotations-config.js';

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The weekday (`mon`…) and minute of the day at `at` in the time zone, by Intl. */
export function localTime(at: Date, timeZone: string): { readonly day: (typeof weekDays)[number]; readonly minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const day = weekDays.find((name) => name === part('weekday').toLowerCase().slice(0, 3)) ?? 'sun';
  return { day, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

/**
 * Who is on call in the rotation at `at`: an override covering the moment wins;
 * otherwise the members of every weekly shift covering it (in the rotation's time
 * zone); a rotation without shifts is always fully on call, and so is one whose
 * shifts leave the moment uncovered (nobody on a shift must not strand a gate).
 */
export function onCallMembers(rotation: Rotation, at: Date): string[] {
  const moment = at.getTime();
  const override = rotation.overrides.find((candidate) => Date.parse(candidate.from) <= moment && moment < Date.parse(candidate.to));
  if (override !== undefined) return [...override.members];
  const { day, minute } = localTime(at, rotation.timeZone);
  const previousDay = weekDays[(weekDays.indexOf(day) + 6) % 7]!;
  const members = new Set<string>();
  for (const shift of rotation.shifts) {
    const start = minutesOf(shift.start);
    const end = minutesOf(shift.end);
    const covers =
      start < end
        ? shift.days.includes(day) && minute >= start && minute < end
        : (shift.days.includes(day) && minute >= start) || (shift.days.includes(previousDay) && minute < end);
    if (covers) for (const member of shift.members) members.add(member);
  }
  return members.size === 0 ? [...rotation.members] : [...members];
}

/** Everyone who may decide at an escalation level: the on-call members plus each reached level's members. */
export function decidersAt(rotation: Rotation, level: number, at: Date): string[] {
  const members = new Set(onCallMembers(rotation, at));
  for (const reached of rotation.escalation.slice(0, level)) for (const member of reached.members) members.add(member);
  return [...members];
}

export function isMember(members: readonly string[], identity: Identity): boolean {
  return members.includes(identity.subject) || (members.includes('role:approver') && identity.roles.includes('approver'));
}

/** The rotation a gate goes to: the first route whose every stated condition matches, else the default. */
export function routeGate(file: RotationsFile, gate: { readonly domain: string; readonly grade: RiskGrade; readonly ruleIds: readonly string[] }): Rotation {
  const route = file.routing.find(
    (candidate) =>
      (candidate.domains === undefined || candidate.domains.includes(gate.domain)) &&
      (candidate.grades === undefined || candidate.grades.includes(gate.grade)) &&
      (candidate.ruleIds === undefined || candidate.ruleIds.some((ruleId) => gate.ruleIds.includes(ruleId))),
  );
  const name = route?.rotation ?? file.defaultRotation;
  return file.rotations.find((rotation) => rotation.name === name)!;
}
