import type { RunResult, RunStartEvent } from '@dax/protocol';
import type { z } from 'zod';
import { chatOutcome } from './chat-outcome.js';
import type { chatCompletionChunkSchema } from './chat-response-schemas.js';
import { chatCompletionId, chatRunExtension, chatUsage, createdSeconds, systemFingerprint } from './chat-run-extension.js';

/** What every chunk of one streamed completion repeats. */
export interface ChatStreamHead {
  readonly runId: string;
  readonly id: string;
  readonly created: number;
  readonly model: string;
  readonly systemFingerprint: string;
  /** `stream_options.include_usage`: every chunk carries `usage: null`, and a last chunk the usage. */
  readonly includeUsage: boolean;
}

/** One `chat.completion.chunk` as OpenAI streams it (the finishing chunk adds `dax`). */
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;

const afterNewline = /(?<=\n)/;

/** The run facts a stream head needs: from the `run-start` event (or a finished result's runId, startedAt, configHash). */
export type ChatStreamStart = Pick<RunStartEvent, 'runId' | 'at' | 'configHash'>;

export function chatStreamHead(start: ChatStreamStart, model: string, includeUsage: boolean): ChatStreamHead {
  return {
    runId: start.runId,
    id: chatCompletionId(start.runId),
    created: createdSeconds(start.at),
    model,
    systemFingerprint: systemFingerprint(start.configHash),
    includeUsage,
  };
}

function chunk(head: ChatStreamHead, choices: ChatCompletionChunk['choices'], extra: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk {
  return {
    id: head.id,
    object: 'chat.completion.chunk',
    created: head.created,
    model: head.model,
    system_fingerprint: head.systemFingerprint,
    choices,
    ...(head.includeUsage ? { usage: null } : {}),
    ...extra,
  };
}

/** The first chunk, sent as soon as the run starts: the assistant role with empty content. */
export function openingChunk(head: ChatStreamHead): ChatCompletionChunk {
  return chunk(head, [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
}

/**
 * The chunks that follow once a run (that did not fail) has finished: its answer one
 * line per chunk, a finishing chunk with the finish reason and the `dax` extension,
 * and the usage chunk when asked for.
 */
export function resultChunks(head: ChatStreamHead, result: RunResult): ChatCompletionChunk[] {
  const outcome = chatOutcome(result);
  const pieces = outcome.content.length === 0 ? [] : outcome.content.split(afterNewline);
  return [
    ...pieces.map((content) => chunk(head, [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }])),
    chunk(head, [{ index: 0, delta: {}, logprobs: null, finish_reason: outcome.finishReason }], { dax: chatRunExtension(result) }),
    ...(head.includeUsage ? [chunk(head, [], { usage: chatUsage(result) })] : []),
  ];
}
