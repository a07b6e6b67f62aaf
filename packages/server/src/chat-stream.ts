import { DaxError, type RunEvent, type RunResult } from '@dax/protocol';
import type { FastifyReply } from 'fastify';
import { chatStreamHead, openingChunk, resultChunks, type ChatStreamHead } from './chat-completion-chunks.js';
import { toChatError } from './chat-error.js';
import { ChatEventStream } from './chat-event-stream.js';
import { runFailure } from './chat-outcome.js';
import { chatRunExtension } from './chat-run-extension.js';

export interface ChatStreamOptions {
  /** Starts the run with this event listener; resolves with its result. */
  readonly start: (onEvent: (event: RunEvent) => void) => Promise<RunResult>;
  readonly model: string;
  readonly includeUsage: boolean;
}

/**
 * Streams a chat completion as OpenAI does (`chat.completion.chunk` messages, then
 * `data: [DONE]`). The response starts when the run starts, so the run id is in the
 * `x-dax-run-id` header; until then a failure is an ordinary HTTP error. Each finished
 * layer sends a comment line, which keeps the connection alive during long runs. The
 * answer follows once DA-X has decided, since only then is there a governed output.
 * A run that fails mid-stream sends an `error` message, which OpenAI clients raise.
 */
export async function streamChatCompletion(reply: FastifyReply, options: ChatStreamOptions): Promise<FastifyReply> {
  const stream = new ChatEventStream();
  let head: ChatStreamHead | undefined;
  let announce: () => void = () => undefined;
  const started = new Promise<undefined>((resolve) => {
    announce = () => resolve(undefined);
  });
  const open = (start: Parameters<typeof chatStreamHead>[0]): ChatStreamHead => {
    const opened = chatStreamHead(start, options.model, options.includeUsage);
    stream.data(openingChunk(opened));
    return opened;
  };
  const running = options.start((event) => {
    if (event.type === 'run-start') {
      head = open(event);
      announce();
    } else if (event.type === 'layer-end') {
      stream.comment(`${event.layer} ${event.status}`);
    }
  });

  const finishedFirst = await Promise.race([started, running]);
  let streamHead = head;
  if (streamHead === undefined) {
    // A run always starts with `run-start`; a result without one still streams, from its own facts.
    if (finishedFirst === undefined) throw new DaxError('DAX_E_INTERNAL');
    streamHead = open({ runId: finishedFirst.runId, at: finishedFirst.startedAt, configHash: finishedFirst.configHash });
  }
  const opened = streamHead;

  void running.then(
    (result) => {
      const failure = runFailure(result);
      if (failure === undefined) {
        for (const chunk of resultChunks(opened, result)) stream.data(chunk);
      } else {
        stream.data({ ...toChatError(failure).body, dax: chatRunExtension(result) });
      }
      stream.done();
    },
    (error: unknown) => {
      const chatError = toChatError(error);
      reply.log.error({ code: chatError.code, status: chatError.status }, 'chat completion stream failed');
      stream.data(chatError.body);
      stream.done();
    },
  );

  return reply
    .header('x-dax-run-id', opened.runId)
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('x-accel-buffering', 'no')
    .send(stream.body);
}
