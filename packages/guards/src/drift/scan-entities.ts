import { EntityScan } from './entity-scan.js';
import { normaliseText } from './normalise-text.js';
import type { ScannedEntity } from './scanned-entity.js';
import { scanAccessLevels } from './scan-access-levels.js';
import { scanAccounts } from './scan-accounts.js';
import { scanChannels } from './scan-channels.js';
import { scanDates } from './scan-dates.js';
import { scanEnvironments } from './scan-environments.js';
import { scanFrequencies } from './scan-frequencies.js';
import { scanIdentifiers } from './scan-identifiers.js';
import { scanLinks } from './scan-links.js';
import { scanListMarkers } from './scan-list-markers.js';
import { scanMoney } from './scan-money.js';
import { scanNames } from './scan-names.js';
import { scanNegations } from './scan-negations.js';
import { scanNetworkAddresses } from './scan-network-addresses.js';
import { scanPercentages } from './scan-percentages.js';
import { scanPhones } from './scan-phones.js';
import { scanPlaceholders } from './scan-placeholders.js';
import { scanQuantities } from './scan-quantities.js';
import { scanSystems } from './scan-systems.js';
import { scanTimes } from './scan-times.js';
import { scanVersions } from './scan-versions.js';

/**
 * Scanners an output check may leave out when the anchor has nothing they could be compared with:
 * what they find only counts as drift next to values of the same group in the anchor.
 */
export type OptionalScanner = 'versions' | 'frequencies' | 'percentages' | 'quantities' | 'identifiers' | 'systems';

/**
 * The scanners, in order. The order matters: each scanner consumes its matches, so digits
 * inside an e-mail, a date or an amount are never read again as an account, a phone or an amount,
 * and list markers ("1.", "Step 2:") go first so that no value takes in their numbers.
 */
const scanners: ReadonlyArray<readonly [(scan: EntityScan) => void, OptionalScanner?]> = [
  [scanListMarkers],
  [scanPlaceholders],
  [scanLinks],
  [scanChannels],
  [scanNetworkAddresses],
  [scanVersions, 'versions'],
  [scanFrequencies, 'frequencies'],
  [scanDates],
  [scanTimes],
  [scanAccounts],
  [scanMoney],
  [scanPercentages, 'percentages'],
  [scanQuantities, 'quantities'],
  [scanPhones],
  [scanIdentifiers, 'identifiers'],
  [scanEnvironments],
  [scanSystems, 'systems'],
  [scanAccessLevels],
  [scanNames],
];

export interface ScanOptions {
  /** Read negations too: an anchor needs them; an output is checked against the anchor's directly. */
  readonly negations: boolean;
  /** Optional scanners to leave out. */
  readonly skip?: ReadonlySet<OptionalScanner>;
}

/** A text as scanned (normalised; entity offsets refer to it) and its entities in the order found. */
export interface ScannedText {
  readonly text: string;
  readonly entities: readonly ScannedEntity[];
}

/** The entities of a text, normalised. */
export function scanEntities(text: string, options: ScanOptions): ScannedText {
  const scan = new EntityScan(normaliseText(text));
  for (const [scanner, name] of scanners) {
    if (name === undefined || options.skip?.has(name) !== true) scanner(scan);
  }
  if (options.negations) scanNegations(scan);
  return { text: scan.original, entities: scan.entities };
}
