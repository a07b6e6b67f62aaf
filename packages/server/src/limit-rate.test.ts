import { describe, expect, it } from 'vitest';
import { ManualClock } from '@dax/core';
import { RateLimit } from './limit-rate.js';

function spend(limit: RateLimit, name: string, times: number): void {
  for (let index = 0; index < times; index += 1) {
    expect(limit.waitSeconds(name)).toBe(0);
    limit.take(name);
  }
}

describe('RateLimit', () => {
  it('allows a burst of the per-minute count, then says how long to wait', () => {
    const clock = new ManualClock();
    const limit = new RateLimit(6, clock);
    spend(limit, 'a', 6);
    expect(limit.waitSeconds('a')).toBe(10);
    clock.advance(4_000);
    expect(limit.waitSeconds('a')).toBe(6);
    clock.advance(6_000);
    spend(limit, 'a', 1);
    expect(limit.waitSeconds('a')).toBe(10);
  });

  it('keeps names apart', () => {
    const limit = new RateLimit(1, new ManualClock());
    spend(limit, 'a', 1);
    expect(limit.waitSeconds('a')).toBe(60);
    expect(limit.waitSeconds('b')).toBe(0);
  });

  it('refills to the cap only', () => {
    const clock = new ManualClock();
    const limit = new RateLimit(2, clock);
    spend(limit, 'a', 1);
    clock.advance(3_600_000);
    spend(limit, 'a', 2);
    expect(limit.waitSeconds('a')).toBeGreaterThan(0);
  });

  it('refuses a limit below one per minute', () => {
    expect(() => new RateLimit(0, new ManualClock())).toThrow(RangeError);
  });
});
