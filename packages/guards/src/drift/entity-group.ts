import type { AnchorEntity } from '@dax/core';
import { durationSeconds, unlimitedDuration } from './canonical-unit.js';
import { environmentTiers, isRegionValue } from './environment-names.js';
import { isInstrumentValue, originalPaymentMethod } from './payment-instruments.js';
import { readOnlyAccess } from './access-levels.js';

const money = /^-?\d+(?:\.\d+)?(?: [A-Z]{3})?$/;

/**
 * The comparison group of an entity: values are only compared within a group, so a percentage is
 * never checked against a price, nor a region against a deployment tier.
 */
export function entityGroup(entity: AnchorEntity): string {
  const { kind, value } = entity;
  switch (kind) {
    case 'amount': {
      if (value.endsWith('%')) return 'percent';
      if (money.test(value)) return 'money';
      if (value === unlimitedDuration) return 'quantity:duration';
      const unit = value.slice(value.indexOf(' ') + 1);
      return durationSeconds[unit] === undefined ? `quantity:${unit}` : 'quantity:duration';
    }
    case 'date':
      if (value.startsWith('every ')) return 'frequency';
      return value.startsWith('T') ? 'time' : 'calendar';
    case 'environment':
      if (environmentTiers.has(value)) return 'tier';
      if (value.endsWith(' access')) return 'access';
      if (/^\d+\.\d+\.\d+\.\d+/.test(value)) return 'network';
      if (isRegionValue(value)) return 'region';
      return `system:${value.slice(value.lastIndexOf(' ') + 1)}`;
    case 'account':
      return isInstrumentValue(value) ? 'instrument' : 'number';
    case 'identifier': {
      if (/^v\d/.test(value)) return 'id:version';
      if (value.startsWith('#')) return 'id:#';
      const code = /^([A-Z]{2,6})-/.exec(value);
      return code === null ? `id:${value.slice(0, value.lastIndexOf(' '))}` : `id:${code[1]}`;
    }
    case 'payee':
      return value.startsWith('#') ? 'channel' : 'name';
    default:
      return kind;
  }
}

/**
 * Whether a value the intent never stated counts as drift. `peers` tells whether the intent stated
 * other values of the same group (then a new date or percentage is a changed plan, not an aside).
 */
export function isAdditionDrift(group: string, peers: boolean, value: string): boolean {
  if (group === 'percent' || group === 'time' || group === 'calendar' || group === 'frequency') return peers;
  if (group.startsWith('id:') || group.startsWith('system:')) return peers;
  if (group === 'instrument') return value !== originalPaymentMethod;
  if (group === 'access') return value !== readOnlyAccess;
  if (group.startsWith('quantity:')) return false;
  return true;
}
