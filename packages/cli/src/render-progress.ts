import pc from 'picocolors';
import type { RunEvent, RunResult } from '@dax/protocol';
import { writeLine } from './cli-io.js';

const statusColour: Record<RunResult['status'], (text: string) => string> = {
  approved: pc.green,
  rolled_back: pc.yellow,
  halted: pc.red,
  awaiting_approval: pc.cyan,
  denied: pc.red,
  failed: pc.red,
};

/** Live per-layer progress for a terminal: one line per finished layer, findings beneath. */
export function createProgressRenderer(stream: NodeJS.WritableStream, colour: boolean): (event: RunEvent) => void {
  const paint = colour ? pc : pc.createColors(false);
  const pending: string[] = [];
  return (event) => {
    switch (event.type) {
      case 'run-start':
        writeLine(stream, paint.dim(`run ${event.runId} · domain ${event.domain} · config ${event.configHash.slice(0, 12)}`));
        return;
      case 'layer-start':
        if (event.rerun > 0) pending.push(paint.yellow(`    ↻ re-run ${event.rerun}`));
        return;
      case 'guard-finding': {
        const finding = event.finding;
        const mark = finding.severity === 'high' || finding.severity === 'critical' ? paint.red('!') : paint.dim('·');
        pending.push(`    ${mark} ${paint.dim(`${finding.guard}/${finding.kind}`)} ${finding.message}`);
        return;
      }
      case 'layer-end': {
        const mark = event.status === 'ok' ? paint.green('✓') : event.status === 'rolled_back' ? paint.yellow('↺') : paint.red('✗');
        writeLine(stream, `${mark} ${event.layer.padEnd(6)} ${paint.dim(`${event.durationMs.toFixed(1)} ms`)}`);
        for (const line of pending.splice(0)) writeLine(stream, line);
        return;
      }
      case 'run-end':
        for (const line of pending.splice(0)) writeLine(stream, line);
        return;
    }
  };
}

/** The closing summary of a run for a terminal. */
export function renderSummary(stream: NodeJS.WritableStream, result: RunResult, colour: boolean): void {
  const paint = colour ? pc : pc.createColors(false);
  const colourise = colour ? statusColour[result.status] : (text: string) => text;
  writeLine(stream, '');
  writeLine(stream, `${paint.bold('status')}   ${colourise(result.status)}  (${result.decision.action}: ${result.decision.reason})`);
  writeLine(stream, `${paint.bold('risk')}     ${result.risk.grade}${result.risk.gate ? ' · gate' : ''}  policy ${result.policy.decision}${result.policy.ruleIds.length > 0 ? ` (${result.policy.ruleIds.join(', ')})` : ''}`);
  if (result.error !== undefined) writeLine(stream, `${paint.bold('error')}    ${result.error.code} at ${result.error.layer ?? '?'}: ${result.error.message}`);
  writeLine(stream, `${paint.bold('run')}      ${result.runId} · ${result.durationMs.toFixed(1)} ms · ${result.attempts} model calls · ${result.model}`);
  if (result.output.length > 0) {
    writeLine(stream, `${paint.bold('output')}`);
    writeLine(stream, result.output);
  }
}
