/** The model name the OpenAI-compatible endpoint answers to; `dax:<domain>` picks a policy domain. */
export const chatModelBase = 'dax';

/** Domains are spelled as on `POST /v1/runs`: lower-case letters, digits and dashes. */
const modelPattern = /^dax(?::([a-z][a-z0-9-]{0,62}))?$/;

/** What a chat model name selects. */
export interface ChatModel {
  /** The name as the caller sent it, echoed in the response. */
  readonly name: string;
  /** The policy domain of the run (`default` for plain `dax`). */
  readonly domain: string;
}

/** Parses `dax` or `dax:<domain>`; anything else is not a model this gateway serves. */
export function parseChatModel(name: string): ChatModel | undefined {
  const match = modelPattern.exec(name);
  if (match === null) return undefined;
  return { name, domain: match[1] ?? 'default' };
}
