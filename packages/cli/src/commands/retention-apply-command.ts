import { DaxError } from '@dax/protocol';
import { dataClassByLayerName, dataClassSchema } from '@dax/core';
import { applyRetention, defaultRetentionPolicy, type RetentionPolicy } from '@dax/store';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openDax } from '../open-dax.js';
import { openDataStore } from './data-store.js';

interface RetentionApplyOptions {
  readonly dryRun?: boolean;
  readonly days?: string[];
  readonly json?: boolean;
}

/** `restricted=30`, `public=forever` → the default policy with those classes changed. */
function policyFrom(settings: readonly string[]): RetentionPolicy {
  const policy: Record<string, number | null> = { ...defaultRetentionPolicy };
  for (const setting of settings) {
    const [name = '', value = ''] = setting.split('=');
    const dataClass = dataClassSchema.safeParse(name);
    const days = value === 'forever' ? null : Number(value);
    if (!dataClass.success || (days !== null && (!Number.isSafeInteger(days) || days < 1))) {
      throw new DaxError('DAX_E_USAGE', { detail: `--days takes <class>=<days> or <class>=forever, e.g. restricted=30 (got "${setting}").` });
    }
    policy[dataClass.data] = days;
  }
  return policy as RetentionPolicy;
}

export default function retentionApplyCommand(options: RetentionApplyOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const policy = policyFrom(options.days ?? []);
    const classOf = dataClassByLayerName(openDax(io, globals).config);
    const { store } = await openDataStore(io, globals);
    try {
      const report = await applyRetention(store, { policy, classOf, now: new Date(), dryRun: options.dryRun === true });
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify({ ...report, policy }, null, 2));
      } else if (!report.claimed) {
        writeLine(io.stdout, 'another process is sweeping right now; nothing was done (try again in a few minutes)');
      } else {
        const verb = report.dryRun ? 'would remove' : 'removed';
        for (const [dataClass, runs] of Object.entries(report.runsByClass)) {
          const days = policy[dataClass as keyof RetentionPolicy];
          writeLine(io.stdout, `${dataClass.padEnd(12)} kept ${days === null ? 'for ever' : `${String(days)} days`.padEnd(9)} ${verb} texts of ${String(runs)} run(s)`);
        }
      }
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
