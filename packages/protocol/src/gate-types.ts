import { z } from 'zod';
import { riskGradeSchema } from './run-types.js';

/** Where a human gate is in its life: open states first, then the three final ones. */
export const gateStatusSchema = z.enum(['opened', 'notified', 'acknowledged', 'approved', 'denied', 'expired']);
export type GateStatus = z.infer<typeof gateStatusSchema>;

/** One person's decision on a gate (a P0 gate needs two distinct approvals). */
export const gateDecisionSchema = z.object({
  approver: z.string(),
  decision: z.enum(['approved', 'denied']),
  at: z.string(),
  comment: z.string().optional(),
});
export type GateDecision = z.infer<typeof gateDecisionSchema>;

/** One webhook delivery of a gate transition, as the outbox records it. */
export const gateNotificationSchema = z.object({
  id: z.string(),
  transition: z.string(),
  target: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  sentAt: z.string().optional(),
});
export type GateNotification = z.infer<typeof gateNotificationSchema>;

/** A human gate (DA-7) as an approver sees it: the run, why it paused, who may decide, by when. */
export const gateSchema = z.object({
  gateId: z.string(),
  runId: z.string(),
  status: gateStatusSchema,
  domain: z.string(),
  risk: riskGradeSchema,
  reason: z.string(),
  ruleIds: z.array(z.string()),
  rotation: z.string(),
  level: z.number().int(),
  requiredApprovals: z.number().int(),
  caller: z.string().optional(),
  openedAt: z.string(),
  acknowledgeBy: z.string().optional(),
  decideBy: z.string(),
  acknowledgedBy: z.string().optional(),
  acknowledgedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  decisions: z.array(gateDecisionSchema),
  notifications: z.array(gateNotificationSchema),
});
export type Gate = z.infer<typeof gateSchema>;
