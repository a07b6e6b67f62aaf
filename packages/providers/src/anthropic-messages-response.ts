import { z } from 'zod';

/** The part of an Anthropic Messages API answer Dax reads. */
export const anthropicMessagesResponseSchema = z.object({
  model: z.string().optional(),
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  usage: z
    .object({
      input_tokens: z.number().int().nonnegative().optional(),
      output_tokens: z.number().int().nonnegative().optional(),
    })
    .nullish(),
});

export type AnthropicMessagesResponse = z.infer<typeof anthropicMessagesResponseSchema>;

/** The concatenated text of the answer's `text` blocks, or undefined when it has none. */
export function anthropicText(response: AnthropicMessagesResponse): string | undefined {
  let text: string | undefined;
  for (const block of response.content) {
    if (block.type === 'text' && block.text !== undefined) text = (text ?? '') + block.text;
  }
  return text;
}
