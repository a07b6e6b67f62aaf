import { describe, expect, it } from 'vitest';
import { parseModelRef } from './parse-model-ref.js';

describe('parseModelRef', () => {
  it('splits provider and model at the first colon', () => {
    expect(parseModelRef('xai:grok-4')).toEqual({ provider: 'xai', model: 'grok-4' });
    expect(parseModelRef('ollama:llama3:8b')).toEqual({ provider: 'ollama', model: 'llama3:8b' });
  });

  it('leaves the model undefined for a bare provider', () => {
    expect(parseModelRef('offline')).toEqual({ provider: 'offline', model: undefined });
    expect(parseModelRef('offline:')).toEqual({ provider: 'offline', model: undefined });
  });
});
