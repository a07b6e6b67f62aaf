import { describe, expect, it } from 'vitest';
import { parseChatModel } from './chat-model.js';

describe('parseChatModel', () => {
  it('maps plain dax to the default domain and dax:<domain> to that domain', () => {
    expect(parseChatModel('dax')).toEqual({ name: 'dax', domain: 'default' });
    expect(parseChatModel('dax:finance')).toEqual({ name: 'dax:finance', domain: 'finance' });
    expect(parseChatModel('dax:eu-payments-2')).toEqual({ name: 'dax:eu-payments-2', domain: 'eu-payments-2' });
  });

  it('refuses other models and malformed domains', () => {
    for (const name of ['gpt-4o', 'dax:', 'dax:-x', 'dax:a b', 'DAX', 'dax:Finance', 'dax:finance.eu', 'dax:finance:extra', `dax:${'a'.repeat(64)}`, ' dax']) {
      expect(parseChatModel(name), name).toBeUndefined();
    }
  });
});
