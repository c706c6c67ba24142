/**
 * Tracing is the one expensive request a visitor can make, so it alone is rate-limited
 * (per client address, in memory: one server process is the deployment this targets).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { VerbatimError } from '../../errors.ts';
import type { Room } from '../context.ts';

export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new VerbatimError('VBT_ERR_RATE_LIMITED', [String(context.max), context.after]),
  });
}

/** Route config: `config: { rateLimit: traceRateLimit(room) }`. */
export function traceRateLimit(room: Room) {
  return { max: room.traceRateLimit.max, timeWindow: room.traceRateLimit.windowMs };
}
