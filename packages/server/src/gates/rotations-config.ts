import { riskGradeSchema } from '@dax/protocol';
import { z } from 'zod';

export const weekDays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * A member as the gateway knows identities: `key:<keyId>`, `oidc:<sub>`,
 * `cert:<fingerprint>`, or `role:approver` (anyone holding the approver role in
 * the gate's tenant: a permissive default meant to be replaced by named people).
 */
const memberSchema = z
  .string()
  .regex(/^(key|oidc|cert):\S{1,200}$|^role:approver$/, { message: 'must be key:<id>, oidc:<sub>, cert:<fingerprint> or role:approver' });

const timeOfDaySchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'must be HH:MM (00:00 to 24:00)' });
const secondsSchema = z.number().int().positive();

const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Berlin' },
);

const shiftSchema = z.strictObject({
  days: z.array(z.enum(weekDays)).min(1),
  /** Local start time; a shift whose end is before its start runs past midnight. */
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  members: z.array(memberSchema).min(1),
});

const overrideSchema = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  members: z.array(memberSchema).min(1),
});

const escalationLevelSchema = z.strictObject({
  /** Who is notified (and may decide) from this level on. */
  members: z.array(memberSchema).min(1),
  /** How long this level has to acknowledge before the next level is reached. */
  acknowledgeSeconds: secondsSchema,
});

const rotationSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be lower-case letters, digits and dashes' }),
  timeZone: timeZoneSchema,
  members: z.array(memberSchema).min(1),
  shifts: z.array(shiftSchema).default([]),
  overrides: z.array(overrideSchema).default([]),
  sla: z.strictObject({
    /** Time the on-call shift has to acknowledge before the gate escalates. */
    acknowledgeSeconds: secondsSchema,
    /** Time from opening to a decision; then the gate expires and the run is denied. */
    decideSeconds: secondsSchema,
  }),
  escalation: z.array(escalationLevelSchema).default([]),
});

const routeSchema = z.strictObject({
  rotation: z.string().min(1),
  domains: z.array(z.string().min(1)).min(1).optional(),
  grades: z.array(riskGradeSchema).min(1).optional(),
  ruleIds: z.array(z.string().min(1)).min(1).optional(),
});

const envNameSchema = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { message: 'must be an environment variable name' });

const webhookSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be lower-case letters, digits and dashes' }),
  url: z.url({ protocol: /^https?$/ }),
  format: z.enum(['generic', 'slack', 'pagerduty']),
  /** Environment variable holding the HMAC-SHA256 signing secret (never the secret itself). */
  secretEnv: envNameSchema,
  /** PagerDuty only: environment variable holding the Events API v2 routing key. */
  routingKeyEnv: envNameSchema.optional(),
  /** Rotations whose gates this target hears about; default all. */
  rotations: z.array(z.string().min(1)).min(1).optional(),
  maxAttempts: z.number().int().min(1).max(20).default(6),
  backoffMs: z.number().int().min(1).default(1_000),
  timeoutMs: z.number().int().positive().default(5_000),
});

/** The rotations file (`config/rotations.json`): strict, versioned, checked across references. */
export const rotationsFileSchema = z
  .strictObject({
    version: z.literal(1),
    defaultRotation: z.string().min(1),
    rotations: z.array(rotationSchema).min(1),
    routing: z.array(routeSchema).default([]),
    webhooks: z.array(webhookSchema).default([]),
  })
  .superRefine((file, context) => {
    const names = new Set<string>();
    file.rotations.forEach((rotation, index) => {
      if (names.has(rotation.name)) context.addIssue({ code: 'custom', path: ['rotations', index, 'name'], message: `rotation "${rotation.name}" is defined twice` });
      names.add(rotation.name);
      if (rotation.sla.decideSeconds <= rotation.sla.acknowledgeSeconds) {
        context.addIssue({ code: 'custom', path: ['rotations', index, 'sla', 'decideSeconds'], message: 'must be longer than acknowledgeSeconds' });
      }
      const members = new Set(rotation.members);
      rotation.shifts.forEach((shift, shiftIndex) =>
        shift.members.forEach((member, memberIndex) => {
          if (!members.has(member)) {
            context.addIssue({ code: 'custom', path: ['rotations', index, 'shifts', shiftIndex, 'members', memberIndex], message: `"${member}" is not a member of the rotation` });
          }
        }),
      );
      rotation.overrides.forEach((override, overrideIndex) => {
        if (Date.parse(override.to) <= Date.parse(override.from)) {
          context.addIssue({ code: 'custom', path: ['rotations', index, 'overrides', overrideIndex, 'to'], message: 'must be after from' });
        }
      });
    });
    if (!names.has(file.defaultRotation)) context.addIssue({ code: 'custom', path: ['defaultRotation'], message: `names no rotation ("${file.defaultRotation}")` });
    file.routing.forEach((route, index) => {
      if (!names.has(route.rotation)) context.addIssue({ code: 'custom', path: ['routing', index, 'rotation'], message: `names no rotation ("${route.rotation}")` });
    });
    file.webhooks.forEach((webhook, index) => {
      for (const rotation of webhook.rotations ?? []) {
        if (!names.has(rotation)) context.addIssue({ code: 'custom', path: ['webhooks', index, 'rotations'], message: `names no rotation ("${rotation}")` });
      }
      if (webhook.format === 'pagerduty' && webhook.routingKeyEnv === undefined) {
        context.addIssue({ code: 'custom', path: ['webhooks', index, 'routingKeyEnv'], message: 'is required for the pagerduty format' });
      }
    });
  });

export type RotationsFile = z.infer<typeof rotationsFileSchema>;
export type RotationsFileInput = z.input<typeof rotationsFileSchema>;
export type Rotation = RotationsFile['rotations'][number];
export type WebhookTarget = RotationsFile['webhooks'][number];
