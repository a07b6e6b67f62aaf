import { z } from 'zod';

const textPartSchema = z.object({ type: z.literal('text'), text: z.string() });
/** Image, audio, file and refusal parts parse, so the intent reader can refuse them by name. */
const otherPartSchema = z.looseObject({ type: z.string().min(1) });

export const chatMessageContentSchema = z.union([z.string(), z.array(z.union([textPartSchema, otherPartSchema])), z.null()]);

export const chatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: chatMessageContentSchema.optional(),
  name: z.string().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * The body of `POST /v1/chat/completions`. Sampling and tool parameters an OpenAI client
 * sends (temperature, max_tokens, tools …) are accepted and ignored: the layer
 * configuration decides models and limits. `user` becomes the run's data subject.
 */
export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(200),
  messages: z.array(chatMessageSchema).min(1).max(1000),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  n: z.literal(1, { error: 'only n = 1 is supported' }).nullable().optional(),
  user: z.string().min(1).max(200).optional(),
  /** Caller labels kept with the run, as on `POST /v1/runs`. */
  metadata: z
    .record(z.string().min(1).max(64), z.string().max(512))
    .refine((value) => Object.keys(value).length <= 32, { message: 'at most 32 entries' })
    .nullable()
    .optional(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
