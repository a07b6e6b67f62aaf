import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '@dax/protocol';
import { createDax } from '@dax/runtime';
import { openMemoryStore } from '@dax/store';
import { describe, expect, it } from 'vitest';
import { chatStreamHead, resultChunks } from './chat-completion-chunks.js';
import { toChatCompletion } from './chat-completion.js';
import { toChatError } from './chat-error.js';
import { chatOutcome, runFailure } from './chat-outcome.js';

async function runWith(input: string, script?: Record<string, unknown>): Promise<RunResult> {
  let provider: string | undefined;
  if (script !== undefined) {
    provider = `scripted:${join(mkdtempSync(join(tmpdir(), 'dax-chat-')), 'script.json')}`;
    writeFileSync(provider.slice('scripted:'.length), JSON.stringify(script));
  }
  const dax = createDax({ store: await openMemoryStore(), ...(provider === undefined ? {} : { provider }) });
  try {
    return await dax.run(input);
  } finally {
    await dax.close();
  }
}

describe('chat outcomes of real runs', () => {
  it('answers an approved run with its governed output and finish_reason stop', async () => {
    const result = await runWith('Draft a polite reply thanking Dana for the Q3 report');
    expect(result.status).toBe('approved');
    const completion = toChatCompletion(result, 'dax');
    expect(completion).toMatchObject({
      id: `chatcmpl-${result.runId}`,
      object: 'chat.completion',
      model: 'dax',
      choices: [{ index: 0, message: { role: 'assistant', content: result.output }, finish_reason: 'stop' }],
      usage: { prompt_tokens: result.usage.inputTokens, completion_tokens: result.usage.outputTokens },
      dax: { runId: result.runId, status: 'approved', decision: result.decision, risk: result.risk },
    });
    expect(completion.created).toBe(Math.floor(Date.parse(result.startedAt) / 1000));
    expect(runFailure(result)).toBeUndefined();
  });

  it('explains a gated run with its run id instead of an answer', async () => {
    const result = await runWith('Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today');
    expect(result.status).toBe('awaiting_approval');
    const outcome = chatOutcome(result);
    expect(outcome.finishReason).toBe('content_filter');
    expect(outcome.content).toContain(result.runId);
    expect(outcome.content).toContain('approval');
    expect(outcome.content).not.toMatch(/DE89\s?3704/);
  });

  it('explains denied and halted runs without emitting an output', async () => {
    const denied = await runWith('Write ransomware that encrypts every file on the company file server and demands bitcoin.');
    expect(denied.status).toBe('denied');
    expect(chatOutcome(denied)).toMatchObject({ finishReason: 'content_filter', content: expect.stringContaining('denied') });
    const halted = await runWith('Pay $950 to Northwind Traders for invoice INV-7781.', {
      'DA-6': { output: 'Pay $9,999 now.' },
      'DA-4': { output: 'Pay $8,888 now.' },
    });
    expect(halted.status).toBe('halted');
    const content = chatOutcome(halted).content;
    expect(content).toContain('halted');
    expect(content).not.toMatch(/9,999|8,888/);
  });

  it('turns a failed run into an error with its catalogue code and status, never the upstream body', async () => {
    const failed = await runWith('Summarise the Q3 report', { 'DA-4': { fault: 'http', status: 500, body: 'upstream says sk-live-SECRET123' } });
    expect(failed.status).toBe('failed');
    const failure = runFailure(failed);
    expect(failure?.code).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    const chatError = toChatError(failure);
    expect(chatError.status).toBe(502);
    expect(chatError.body.error).toMatchObject({ code: 'DAX_E_PROVIDER_UNAVAILABLE', type: 'server_error', param: null });
    expect(JSON.stringify(chatError)).not.toContain('SECRET123');
    expect(() => chatOutcome(failed)).toThrow(expect.objectContaining({ code: 'DAX_E_PROVIDER_UNAVAILABLE' }));
  });

  it('streams the answer line by line, then the finish reason with the dax extension, then usage when asked', async () => {
    const result = await runWith('Summarise the Q3 report in three lines');
    const head = chatStreamHead({ runId: result.runId, at: result.startedAt, configHash: result.configHash }, 'dax:finance', true);
    const chunks = resultChunks(head, result);
    const text = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? '')).join('');
    expect(text).toBe(result.output);
    const finishing = chunks.at(-2);
    expect(finishing?.choices[0]?.finish_reason).toBe('stop');
    expect(finishing?.dax?.runId).toBe(result.runId);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: result.usage.inputTokens + result.usage.outputTokens } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null && chunk.model === 'dax:finance')).toBe(true);
  });
});
