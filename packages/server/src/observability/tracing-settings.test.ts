import { describe, expect, it } from 'vitest';
import { tracingSettingsFromEnv } from './tracing-settings.js';

describe('tracingSettingsFromEnv', () => {
  it('is off without an OTLP endpoint', () => {
    expect(tracingSettingsFromEnv({})).toBeUndefined();
  });

  it('appends /v1/traces to the base endpoint and uses the traces endpoint as given', () => {
    expect(tracingSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })?.url).toBe('http://collector:4318/v1/traces');
    expect(
      tracingSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/custom' })?.url,
    ).toBe('http://b:4318/custom');
  });

  it('is off when the SDK is disabled or the traces exporter is none', () => {
    expect(tracingSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });

  it('reads headers and the service name', () => {
    const settings = tracingSettingsFromEnv({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=ops, authorization=Basic%20abc',
      OTEL_SERVICE_NAME: 'dax-eu',
    });
    expect(settings?.headers).toEqual({ 'x-tenant': 'ops', authorization: 'Basic abc' });
    expect(settings?.serviceName).toBe('dax-eu');
  });
});
