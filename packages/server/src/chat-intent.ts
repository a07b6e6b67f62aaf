import type { ChatMessage } from './chat-completion-request.js';
import { ChatRequestError } from './chat-request-error.js';

/**
 * The intent a chat request asks Dax to govern: the text of the last `user` message
 * (a string, or its text parts joined by newlines). Earlier turns and system messages
 * are not governed and not sent to the layers. Non-text parts are refused, since no
 * guard can read them.
 */
export function chatIntent(messages: readonly ChatMessage[]): string {
  let index = messages.length - 1;
  while (index >= 0 && messages[index]?.role !== 'user') index--;
  const message = messages[index];
  if (message === undefined) {
    throw new ChatRequestError('DAX_E_INPUT_INVALID', 'messages', 'The conversation has no user message to govern.');
  }
  const param = `messages[${index}].content`;
  const content = message.content;
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else if (Array.isArray(content)) {
    const texts: string[] = [];
    for (const [partIndex, part] of content.entries()) {
      if (part.type !== 'text' || typeof part.text !== 'string') {
        throw new ChatRequestError('DAX_E_INPUT_INVALID', `${param}[${partIndex}]`, 'Only text content parts can be governed.');
      }
      texts.push(part.text);
    }
    text = texts.join('\n');
  } else {
    text = '';
  }
  if (text.trim().length === 0) throw new ChatRequestError('DAX_E_INPUT_INVALID', param, 'The last user message has no text.');
  return text;
}
