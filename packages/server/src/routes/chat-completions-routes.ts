import type { RunEvent, RunResult } from '@dax/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toChatCompletion } from '../chat-completion.js';
import { chatCompletionRequestSchema, type ChatCompletionRequest } from '../chat-completion-request.js';
import { toChatError } from '../chat-error.js';
import { chatIntent } from '../chat-intent.js';
import { chatModelBase, parseChatModel } from '../chat-model.js';
import { runFailure } from '../chat-outcome.js';
import { sendChatError } from '../chat-reply.js';
import { chatCompletionSchema, chatErrorBodySchema, chatModelListSchema, chatModelSchema } from '../chat-response-schemas.js';
import { ChatRequestError } from '../chat-request-error.js';
import { chatRunExtension } from '../chat-run-extension.js';
import { streamChatCompletion } from '../chat-stream.js';
import { executeRun, type GatewayRunInput } from '../execute-run.js';
import { traceContextOf } from '../trace-context-of.js';
import { requireRole } from '../require-role.js';

const modelParamsSchema = z.object({ model: z.string() });

function unknownModel(): ChatRequestError {
  return new ChatRequestError('DAX_E_NOT_FOUND', 'model', 'This gateway serves the models "dax" and "dax:<domain>".', 'model_not_found');
}

/** The OpenAI model object for a model name. */
function modelObject(id: string): { id: string; object: 'model'; created: number; owned_by: string } {
  return { id, object: 'model', created: 0, owned_by: 'dax' };
}

/**
 * The OpenAI-compatible endpoint: `POST /v1/chat/completions` governs the last user
 * message through the fourteen layers and answers with the governed output (or an
 * explanation when the run is gated, denied, halted or rolled back); `GET /v1/models`
 * lists the model. Errors on these routes, authentication included, are OpenAI-style
 * error objects carrying the Dax code. See docs/openai-compatible.md.
 */
export function chatCompletionsRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  fastify.setErrorHandler((error, request, reply) => {
    const chatError = toChatError(error, fastify.gatewayConfig.bodyLimitBytes);
    const fields = { code: chatError.code, status: chatError.status };
    if (chatError.status >= 500) request.log.error(fields, 'chat completion failed');
    else request.log.info(fields, 'chat completion refused');
    return sendChatError(reply, chatError);
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const callers = requireRole('caller', 'operator');

  const errors = { '4xx': chatErrorBodySchema, '5xx': chatErrorBodySchema };

  app.get(
    '/v1/models',
    {
      preHandler: callers,
      schema: { tags: ['openai'], summary: 'The models this gateway serves (OpenAI-compatible)', response: { 200: chatModelListSchema, ...errors } },
    },
    () => ({ object: 'list' as const, data: [modelObject(chatModelBase)] }),
  );

  app.get(
    '/v1/models/:model',
    {
      preHandler: callers,
      schema: { params: modelParamsSchema, tags: ['openai'], summary: 'One model (OpenAI-compatible)', response: { 200: chatModelSchema, ...errors } },
    },
    (request) => {
      if (parseChatModel(request.params.model) === undefined) throw unknownModel();
      return modelObject(request.params.model);
    },
  );

  app.post(
    '/v1/chat/completions',
    {
      preHandler: callers,
      schema: {
        body: chatCompletionRequestSchema,
        tags: ['openai'],
        summary: 'Govern the last user message and answer with the governed output (OpenAI-compatible)',
        description:
          'Model `dax` or `dax:<domain>`. An approved run answers its governed output (finish_reason `stop`); a run awaiting approval, denied, halted or rolled back answers an explanation with the run id (finish_reason `content_filter`); a failed run is an OpenAI-style error with the Dax code. `stream: true` answers `chat.completion.chunk` server-sent events ending with `data: [DONE]`. The run id is in the `x-dax-run-id` header and the `dax` field. See docs/openai-compatible.md.',
        response: { 200: chatCompletionSchema, ...errors },
      },
    },
    async (request, reply) => chatCompletion(fastify, request, reply),
  );
  return Promise.resolve();
}

async function chatCompletion(
  fastify: FastifyInstance,
  request: FastifyRequest<{ Body: ChatCompletionRequest }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const body = request.body;
  const model = parseChatModel(body.model);
  if (model === undefined) throw unknownModel();
  const input = chatIntent(body.messages);
  const maxInputChars = fastify.gatewayConfig.maxInputChars;
  if (input.length > maxInputChars) {
    throw new ChatRequestError('DAX_E_INPUT_TOO_LARGE', 'messages', `The last user message is longer than ${maxInputChars} characters.`);
  }
  const run: GatewayRunInput = {
    input,
    domain: model.domain,
    ...(body.user === undefined ? {} : { subjectId: body.user }),
    ...(body.metadata === undefined || body.metadata === null ? {} : { metadata: body.metadata }),
  };
  const execute = async (onEvent?: (event: RunEvent) => void): Promise<RunResult> => {
    // As on POST /v1/runs, a caller going away does not stop its run: it finishes and is stored.
    const result = await executeRun(fastify, { identity: request.identity, run, ...traceContextOf(request), ...(onEvent === undefined ? {} : { onEvent }) });
    request.log.info({ runId: result.runId, status: result.status }, 'chat completion run finished');
    return result;
  };

  if (body.stream === true) {
    return streamChatCompletion(reply, { start: execute, model: model.name, includeUsage: body.stream_options?.include_usage === true });
  }
  const result = await execute();
  void reply.header('x-dax-run-id', result.runId);
  const failure = runFailure(result);
  if (failure !== undefined) return sendChatError(reply, toChatError(failure), { dax: chatRunExtension(result) });
  return reply.send(toChatCompletion(result, model.name));
}
