import { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-completion-request.js';
import { chatIntent } from './chat-intent.js';
import { ChatRequestError } from './chat-request-error.js';

function refusal(messages: ChatMessage[]): ChatRequestError {
  try {
    chatIntent(messages);
  } catch (error) {
    if (error instanceof ChatRequestError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('chatIntent', () => {
  it('takes the last user message, not the system prompt or a later assistant turn', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: 'First question' },
      { role: 'assistant', content: 'First answer' },
      { role: 'user', content: 'Summarise the Q3 report' },
      { role: 'assistant', content: null },
    ];
    expect(chatIntent(messages)).toBe('Summarise the Q3 report');
  });

  it('joins the text parts of an array content', () => {
    expect(
      chatIntent([{ role: 'user', content: [{ type: 'text', text: 'Summarise' }, { type: 'text', text: 'the Q3 report' }] }]),
    ).toBe('Summarise\nthe Q3 report');
  });

  it('refuses a conversation without a user message, naming the field', () => {
    const error = refusal([{ role: 'system', content: 'Be brief.' }]);
    expect(DaxError.isInstance(error)).toBe(true);
    expect(error.code).toBe('DAX_E_INPUT_INVALID');
    expect(error.param).toBe('messages');
  });

  it('refuses non-text parts and empty text, naming the part', () => {
    const image = refusal([{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }]);
    expect(image.param).toBe('messages[0].content[1]');
    expect(refusal([{ role: 'user', content: '   ' }]).param).toBe('messages[0].content');
    expect(refusal([{ role: 'user', content: null }]).code).toBe('DAX_E_INPUT_INVALID');
  });
});
