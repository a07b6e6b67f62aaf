import { describe, expect, it } from 'vitest';
import { parseLayerReply } from './parse-layer-reply.js';

describe('parseLayerReply', () => {
  it('reads output and reason', () => {
    expect(parseLayerReply('{"output": " Pay. ", "reason": "ok"}')).toEqual({ output: 'Pay.', reason: 'ok' });
  });
  it('accepts a fenced JSON block and a missing reason', () => {
    expect(parseLayerReply('```json\n{"output": "Pay."}\n```')).toEqual({ output: 'Pay.' });
  });
  it('refuses non-JSON and the wrong shape', () => {
    expect(parseLayerReply('Pay the invoice.')).toBeUndefined();
    expect(parseLayerReply('{"text": "Pay."}')).toBeUndefined();
    expect(parseLayerReply('{"output": 3}')).toBeUndefined();
    expect(parseLayerReply('["output"]')).toBeUndefined();
  });
});
