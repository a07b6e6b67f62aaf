import { DaxError } from '@dax/protocol';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { roles as knownRoles, type Role } from './identity.js';

const roleSet: ReadonlySet<string> = new Set(knownRoles);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && roleSet.has(value);
}

/**
 * A preHandler that lets a request through when its identity holds one of the
 * given roles (admin passes every check) and otherwise throws `DAX_E_FORBIDDEN`.
 * A request without an identity is refused as well: it fails closed.
 */
export function requireRole(...allowed: Role[]): preHandlerAsyncHookHandler {
  const accepted = new Set<Role>([...allowed, 'admin']);
  return function checkRole(this: unknown, request: FastifyRequest): Promise<void> {
    const held = (request.identity as FastifyRequest['identity'] | null | undefined)?.roles ?? [];
    if (!held.some((role) => accepted.has(role))) return Promise.reject(new DaxError('DAX_E_FORBIDDEN'));
    return Promise.resolve();
  };
}
