import type { RunEvent } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { RunEventHub } from './run-event-hub.js';

function layerStart(runId: string, seq: number): RunEvent {
  return { type: 'layer-start', runId, seq, at: '2025-01-01T00:00:00.000Z', layer: `DA-${14 - seq}`, agent: 'agent', rerun: 0 };
}

function recorder(): { events: number[]; ended: boolean; event(event: RunEvent): void; end(): void } {
  return {
    events: [],
    ended: false,
    event(event) {
      this.events.push(event.seq);
    },
    end() {
      this.ended = true;
    },
  };
}

describe('RunEventHub', () => {
  it('replays buffered events after the given sequence number, then delivers live ones', () => {
    const hub = new RunEventHub();
    for (const seq of [1, 2, 3]) hub.publish('acme', layerStart('run-1', seq));
    const subscriber = recorder();
    hub.subscribe('run-1', 'acme', 1, subscriber);
    hub.publish('acme', layerStart('run-1', 4));
    hub.end('run-1');
    expect(subscriber.events).toEqual([2, 3, 4]);
    expect(subscriber.ended).toBe(true);
    expect(hub.isLive('run-1', 'acme')).toBe(false);
  });

  it("refuses another tenant's run and unknown runs", () => {
    const hub = new RunEventHub();
    hub.publish('acme', layerStart('run-1', 1));
    expect(hub.subscribe('run-1', 'globex', 0, recorder())).toBeUndefined();
    expect(hub.subscribe('run-2', 'acme', 0, recorder())).toBeUndefined();
    expect(hub.isLive('run-1', 'globex')).toBe(false);
  });

  it('stops delivering after unsubscribe and survives a throwing subscriber', () => {
    const hub = new RunEventHub();
    hub.publish('acme', layerStart('run-1', 1));
    const kept = recorder();
    const dropped = recorder();
    hub.subscribe('run-1', 'acme', 0, {
      event: () => {
        throw new Error('socket closed');
      },
      end: () => undefined,
    });
    hub.subscribe('run-1', 'acme', 0, kept);
    hub.subscribe('run-1', 'acme', 0, dropped)?.();
    hub.publish('acme', layerStart('run-1', 2));
    expect(kept.events).toEqual([1, 2]);
    expect(dropped.events).toEqual([1]);
    hub.endAll();
    expect(hub.size).toBe(0);
  });
});
