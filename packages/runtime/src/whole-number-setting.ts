import { DaxError } from '@dax/protocol';

/**
 * A whole-number setting from the environment, at least `minimum`; undefined when
 * unset or empty. Anything else stops start-up with `DAX_E_CONFIG_INVALID` naming it.
 */
export function wholeNumberSetting(env: Readonly<Record<string, string | undefined>>, name: string, minimum: number): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < minimum) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `${name} must be a whole number of at least ${String(minimum)}.` });
  }
  return value;
}
