import { runResultSchema, runStatusSchema } from '@dax/protocol';
import { z } from 'zod';

/** The `dax` extension field: what governance decided, beside the OpenAI fields. */
export const chatRunExtensionSchema = z.object({
  runId: z.string(),
  status: runStatusSchema,
  decision: runResultSchema.shape.decision,
  risk: runResultSchema.shape.risk,
});

export const chatUsageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
});

const finishReasonSchema = z.enum(['stop', 'content_filter']);

/** A `chat.completion` object as OpenAI returns it, plus the `dax` extension field. */
export const chatCompletionSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  system_fingerprint: z.string(),
  choices: z.tuple([
    z.object({
      index: z.literal(0),
      message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
      logprobs: z.null(),
      finish_reason: finishReasonSchema,
    }),
  ]),
  usage: chatUsageSchema,
  dax: chatRunExtensionSchema,
});

/** One streamed `chat.completion.chunk` (the finishing chunk adds `dax`). */
export const chatCompletionChunkSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number().int(),
  model: z.string(),
  system_fingerprint: z.string(),
  choices: z.array(
    z.object({
      index: z.literal(0),
      delta: z.object({ role: z.literal('assistant').optional(), content: z.string().optional() }),
      logprobs: z.null(),
      finish_reason: finishReasonSchema.nullable(),
    }),
  ),
  usage: chatUsageSchema.nullable().optional(),
  dax: chatRunExtensionSchema.optional(),
});

/** An OpenAI-style error; `code` is the Dax catalogue code unless OpenAI has a well-known one. A failed run adds `dax`. */
export const chatErrorBodySchema = z.object({
  error: z.object({ message: z.string(), type: z.string(), param: z.string().nullable(), code: z.string() }),
  dax: chatRunExtensionSchema.optional(),
});

export const chatModelSchema = z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() });
export const chatModelListSchema = z.object({ object: z.literal('list'), data: z.array(chatModelSchema) });
