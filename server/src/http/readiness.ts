// /healthz says the process is alive; /readyz says whether it can serve: the database answers
// (else 503: take it out of the load balancer) and Redis is reachable (else 200 "degraded":
// answers come from the database and a local cache).
import { prisma } from '../db.ts';
import type { SharedState } from './answers/shared.ts';

export interface Readiness {
  status: 'ready' | 'degraded' | 'not-ready';
  database: 'up' | 'down';
  redis: SharedState;
}

export async function readiness(started: boolean, redis: () => SharedState): Promise<Readiness> {
  const database = started && (await databaseAnswers()) ? 'up' : 'down';
  const shared = redis();
  const status = database === 'down' ? 'not-ready' : shared === 'down' ? 'degraded' : 'ready';
  return { status, database, redis: shared };
}

async function databaseAnswers(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      prisma()
        .$queryRawUnsafe('SELECT 1')
        .then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
