import { readFileSync } from 'node:fs';
import { DaxError } from '@dax/protocol';
import { z } from 'zod';

const modelPriceSchema = z.strictObject({
  inputPerMillion: z.number().nonnegative(),
  outputPerMillion: z.number().nonnegative(),
});

/** Estimated prices per million tokens by model id (`config/prices.json`). */
export const priceTableSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  note: z.string().optional(),
  models: z.record(z.string().min(1), modelPriceSchema),
});
export type PriceTable = z.infer<typeof priceTableSchema>;

export const emptyPriceTable: PriceTable = { currency: 'USD', models: {} };

/** Reads and validates a price table; a bad file stops start-up with `DAX_E_CONFIG_INVALID`. */
export function loadPriceTable(path: string): PriceTable {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (cause) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `The price table ${path} could not be read as JSON.`, cause });
  }
  const parsed = priceTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DaxError('DAX_E_CONFIG_INVALID', {
      detail: `The price table ${path} is invalid at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'unknown problem'}.`,
    });
  }
  return parsed.data;
}

/**
 * Estimated cost of a model's tokens; undefined when the model has no price. A
 * `provider:model` reference is looked up as given, then by its model part.
 */
export function estimateCost(table: PriceTable, model: string, inputTokens: number, outputTokens: number): number | undefined {
  const price = table.models[model] ?? table.models[model.slice(model.indexOf(':') + 1)];
  if (price === undefined) return undefined;
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
