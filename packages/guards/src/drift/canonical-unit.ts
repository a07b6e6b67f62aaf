/** Durations in seconds, so `24 hours` and `1 day` compare equal. */
export const durationSeconds: Readonly<Record<string, number>> = {
  second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000,
};

/** The value of a duration with no end ("permanently", "with no expiry"). */
export const unlimitedDuration = 'indefinite';

const unitSpellings: Readonly<Record<string, string>> = {
  sec: 'second', secs: 'second', second: 'second', seconds: 'second',
  min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
  h: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour',
  day: 'day', days: 'day', week: 'week', weeks: 'week', wk: 'week', wks: 'week',
  month: 'month', months: 'month', year: 'year', years: 'year', yr: 'year', yrs: 'year',
  'business day': 'business day', 'business days': 'business day',
  'working day': 'business day', 'working days': 'business day',
  node: 'node', nodes: 'node', replica: 'replica', replicas: 'replica', instance: 'instance',
  instances: 'instance', server: 'server', servers: 'server', pod: 'pod', pods: 'pod',
  vm: 'vm', vms: 'vm', user: 'user', users: 'user', seat: 'seat', seats: 'seat',
  license: 'license', licenses: 'license', licence: 'license', licences: 'license',
  customer: 'customer', customers: 'customer', recipient: 'recipient', recipients: 'recipient',
  employee: 'employee', employees: 'employee', item: 'item', items: 'item', unit: 'unit',
  units: 'unit', copy: 'copy', copies: 'copy', core: 'core', cores: 'core', cpu: 'cpu', cpus: 'cpu',
  share: 'share', shares: 'share', gb: 'GB', tb: 'TB', mb: 'MB', person: 'person', people: 'person',
  persons: 'person', laptop: 'laptop', laptops: 'laptop', device: 'device', devices: 'device', request: 'request',
  requests: 'request', attendee: 'person', attendees: 'person', guest: 'person', guests: 'person',
};

/** The single words that make up the unit spellings, for a cheap presence check. */
export const quantityUnitWords = [...new Set(Object.keys(unitSpellings).flatMap((unit) => unit.split(' ')))];

/** Pattern fragment for the unit words, longest first. */
export const quantityUnitPattern = Object.keys(unitSpellings)
  .sort((first, second) => second.length - first.length)
  .map((unit) => unit.replace(/ /g, '\\s+'))
  .join('|');

/** The canonical unit name (`minute`, `node`, `GB`); undefined when unknown. */
export function canonicalUnit(written: string): string | undefined {
  return unitSpellings[written.toLowerCase().replace(/\s+/g, ' ')];
}
