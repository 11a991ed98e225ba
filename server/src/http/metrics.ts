// Metrics in Prometheus's format at /metrics: GraphQL operations by name and phase (yoga's
// Prometheus plugin), every HTTP request by route, status and cache outcome (cached answers
// never reach yoga), public reads by outcome (the cache's hit ratio), database statements'
// durations, serialization failures retried and requests refused by the rate limit. Labels
// carry routes and operation names only: no URL, variable or person.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { retries } from '../domain/write.ts';

export interface Metrics {
  registry: Registry;
  plugin: Plugin;
  request(route: string, method: string, status: number, cache: string, seconds: number): void;
  publicRead(outcome: string): void;
  statement(milliseconds: number): void;
  limited(): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ketnap_' });
  const requests = new Histogram({
    name: 'ketnap_http_request_duration_seconds',
    help: 'HTTP requests by route, method, status and cache outcome (hit, miss, uncacheable, none)',
    labelNames: ['route', 'method', 'status', 'cache'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const reads = new Counter({
    name: 'ketnap_public_reads_total',
    help: 'Anonymous persisted reads by outcome: hit (ready-made bytes), miss (computed), uncacheable (an error), limited (429)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'ketnap_db_statement_duration_seconds',
    help: 'Database statements, sent by the Prisma client or on its driver connection (an import, the derived tables)',
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  });
  let counted = retries.count;
  new Counter({
    name: 'ketnap_write_conflicts_retried_total',
    help: 'Write transactions aborted by a serialization failure or deadlock, and retried',
    registers: [registry],
    collect() {
      this.inc(retries.count - counted);
      counted = retries.count;
    },
  });
  const limited = new Counter({
    name: 'ketnap_rate_limited_total',
    help: 'Requests refused with 429 because the client had spent its budget',
    registers: [registry],
  });
  const plugin = usePrometheus({
    registry,
    endpoint: false,
    labels: { url: false },
    metrics: {
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: true,
      graphql_yoga_http_duration: true,
    },
  }) as Plugin;
  // One child per label set, found by a string key: prom-client would hash the labels each time.
  const children = new Map<string, ReturnType<typeof requests.labels>>();
  return {
    registry,
    plugin,
    request: (route, method, status, cache, seconds) => {
      const key = `${route}\0${method}\0${status}\0${cache}`;
      let child = children.get(key);
      if (!child) {
        child = requests.labels({ route, method, status: String(status), cache });
        if (children.size < 10_000) children.set(key, child);
      }
      child.observe(seconds);
    },
    publicRead: (outcome) => reads.inc({ outcome }),
    statement: (milliseconds) => statements.observe(milliseconds / 1000),
    limited: () => limited.inc(),
  };
}
