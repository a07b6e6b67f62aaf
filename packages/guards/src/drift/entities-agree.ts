import type { AnchorEntity } from '@dax/core';
import { calendarAgree } from './calendar-agree.js';
import { durationSeconds } from './canonical-unit.js';

function splitAmount(value: string): { readonly number: number; readonly unit: string } {
  const space = value.indexOf(' ');
  return space === -1
    ? { number: Number(value), unit: '' }
    : { number: Number(value.slice(0, space)), unit: value.slice(space + 1) };
}

function amountsAgree(first: string, second: string): boolean {
  if (first.endsWith('%') || second.endsWith('%') || !/^\d/.test(first) || !/^\d/.test(second)) return first === second;
  const one = splitAmount(first);
  const other = splitAmount(second);
  const oneSeconds = durationSeconds[one.unit];
  const otherSeconds = durationSeconds[other.unit];
  if (oneSeconds !== undefined && otherSeconds !== undefined) {
    return Math.abs(one.number * oneSeconds - other.number * otherSeconds) < 1e-6;
  }
  if (Math.abs(one.number - other.number) >= 0.005) return false;
  return one.unit === other.unit || one.unit === '' || other.unit === '';
}

function systemName(value: string): string {
  return value
    .slice(0, value.lastIndexOf(' '))
    .replace(/[^a-z0-9]/g, '')
    .replace(/s$/, '');
}

function accountsAgree(first: string, second: string): boolean {
  if (first === second) return true;
  if (first.startsWith('*')) return second.endsWith(first.slice(1));
  if (second.startsWith('*')) return first.endsWith(second.slice(1));
  return false;
}

function urlsAgree(first: string, second: string): boolean {
  return first === second || first.startsWith(`${second}/`) || second.startsWith(`${first}/`);
}

function phoneDigits(value: string): string {
  return value.replace(/\D/g, '').slice(-10);
}

/** True when two entities of the same comparison group state the same thing. Payee names are matched elsewhere. */
export function entitiesAgree(group: string, first: AnchorEntity, second: AnchorEntity): boolean {
  if (first.kind !== second.kind) return false;
  switch (first.kind) {
    case 'amount':
      return amountsAgree(first.value, second.value);
    case 'date':
      return group === 'calendar' ? calendarAgree(first.value, second.value) : first.value === second.value;
    case 'environment':
      return group.startsWith('system:')
        ? systemName(first.value) === systemName(second.value)
        : first.value === second.value;
    case 'account':
      return accountsAgree(first.value, second.value);
    case 'url':
      return urlsAgree(first.value, second.value);
    case 'phone':
      return phoneDigits(first.value) === phoneDigits(second.value);
    default:
      return first.value.toLowerCase() === second.value.toLowerCase();
  }
}
