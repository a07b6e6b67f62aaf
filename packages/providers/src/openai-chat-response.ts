import { z } from 'zod';

/** The part of an OpenAI-compatible `chat/completions` answer Dax reads. */
export const openAiChatResponseSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(z.object({ message: z.object({ content: z.string() }) }))
    .min(1),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative().optional(),
      completion_tokens: z.number().int().nonnegative().optional(),
    })
    .nullish(),
});

export type OpenAiChatResponse = z.infer<typeof openAiChatResponseSchema>;
