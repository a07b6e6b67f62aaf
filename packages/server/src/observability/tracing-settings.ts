type Env = Readonly<Record<string, string | undefined>>;

/** Where spans go, from the standard `OTEL_*` variables. */
export interface TracingSettings {
  /** The OTLP/HTTP traces URL (JSON encoding). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly serviceName: string;
}

const trailingSlashes = /\/+$/;

function parseHeaders(raw: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',')) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (name !== '') headers[name] = decodeURIComponent(value);
  }
  return headers;
}

/**
 * Tracing is on only when an OTLP endpoint is configured
 * (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, used as is, or `OTEL_EXPORTER_OTLP_ENDPOINT`
 * + `/v1/traces`) and neither `OTEL_SDK_DISABLED=true` nor `OTEL_TRACES_EXPORTER=none`
 * turns it off. Otherwise undefined: no SDK is started and runs pay nothing.
 */
export function tracingSettingsFromEnv(env: Env): TracingSettings | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  if (env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return undefined;
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const baseEndpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  let url: string;
  if (tracesEndpoint !== undefined && tracesEndpoint !== '') url = tracesEndpoint;
  else if (baseEndpoint !== undefined && baseEndpoint !== '') url = `${baseEndpoint.replace(trailingSlashes, '')}/v1/traces`;
  else return undefined;
  return {
    url,
    headers: { ...parseHeaders(env.OTEL_EXPORTER_OTLP_HEADERS), ...parseHeaders(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS) },
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'dax-gateway',
  };
}
