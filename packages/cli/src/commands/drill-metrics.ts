import { DaxError } from '@dax/protocol';
import { problemError } from '../remote-problem.js';
import { parsePrometheusSamples, type PrometheusSample } from './prometheus-samples.js';

/** Where a drill reads metrics: the gateway's `/metrics` (with a `metrics` or `operator` key) or a separate metrics listener. */
export interface MetricsSource {
  readonly url: string;
  readonly key?: string;
}

/** Reads and parses the gateway's Prometheus metrics; a drill that cannot observe does not inject. */
export async function readDrillMetrics(source: MetricsSource): Promise<PrometheusSample[]> {
  let response: Response;
  try {
    response = await fetch(source.url, { headers: { accept: 'text/plain', ...(source.key === undefined ? {} : { authorization: `Bearer ${source.key}` }) } });
  } catch (error) {
    throw new DaxError('DAX_E_NOT_READY', { detail: `Could not read metrics at ${source.url}.`, cause: error });
  }
  const text = await response.text();
  if (!response.ok) {
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
    if (response.status === 404) {
      throw new DaxError('DAX_E_NOT_READY', { detail: `${source.url} answered 404: metrics are off or served on a separate port (use --metrics-url).` });
    }
    throw problemError(response.status, body);
  }
  return parsePrometheusSamples(text);
}
