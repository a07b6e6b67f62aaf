import { describe, expect, it } from 'vitest';
import { ShutdownController } from './shutdown-controller.js';

describe('ShutdownController', () => {
  it('admits runs until draining, then refuses with DAX_E_SHUTTING_DOWN', async () => {
    const shutdown = new ShutdownController();
    const ticket = shutdown.admit();
    expect(shutdown.inFlight).toBe(1);
    const drained = shutdown.drain(60_000);
    expect(shutdown.draining).toBe(true);
    expect(() => shutdown.admit()).toThrow(expect.objectContaining({ code: 'DAX_E_SHUTTING_DOWN', status: 503 }));
    expect(ticket.signal.aborted).toBe(false);
    ticket.done();
    await expect(drained).resolves.toEqual({ finished: 1, cancelled: 0 });
  });

  it('cancels runs still going when the grace period ends and waits for them to settle', async () => {
    const shutdown = new ShutdownController();
    const finishing = shutdown.admit();
    const stuck = shutdown.admit();
    stuck.signal.addEventListener('abort', () => stuck.done());
    const drained = shutdown.drain(0);
    finishing.done();
    await expect(drained).resolves.toEqual({ finished: 1, cancelled: 1 });
    expect(finishing.signal.aborted).toBe(false);
    expect(stuck.signal.reason).toMatchObject({ code: 'DAX_E_RUN_ABORTED' });
  });
});
