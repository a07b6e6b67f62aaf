import type { RotationsFileInput } from './rotations-config.js';

/**
 * The rotation a fresh checkout starts with (the same as `config/rotations.json`):
 * anyone with the approver role in the tenant is on call, around the clock;
 * acknowledge within 15 minutes, decide within 4 hours, no webhooks. Replace the
 * members with named people and add webhooks before real use.
 */
export const defaultRotations: RotationsFileInput = {
  version: 1,
  defaultRotation: 'default',
  rotations: [
    {
      name: 'default',
      timeZone: 'UTC',
      members: ['role:approver'],
      sla: { acknowledgeSeconds: 900, decideSeconds: 14_400 },
    },
  ],
};
