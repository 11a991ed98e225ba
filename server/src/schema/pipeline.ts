// The pipeline of candidates, public: how many stood at each stage on a day and came from each
// mass organisation (counts only, no one named).
import type { CandidateSource, CandidateStage } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { organisationIdOf } from '../auth/targets.ts';
import { type PipelineCount, pipelineCounts } from '../reports/pipeline.ts';
import { todayInVietnam } from '../rules/dates.ts';
import { builder } from './builder.ts';
import { CandidateSourceEnum, CandidateStageEnum } from './candidate.ts';

const PipelineCountRef = builder.objectRef<PipelineCount>('PipelineCount').implement({
  fields: (t) => ({
    stage: t.field({ type: CandidateStageEnum, nullable: true, resolve: (c) => c.stage as CandidateStage | null }),
    source: t.field({ type: CandidateSourceEnum, nullable: true, resolve: (c) => c.source as CandidateSource | null }),
    count: t.exposeInt('count'),
  }),
});

const PipelineRef = builder.objectRef<{ asOf: string; rows: PipelineCount[] }>('Pipeline').implement({
  description: 'Candidates of a subtree by the stage they stood at on `asOf` (counts only: public).',
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date' }),
    total: t.int({ resolve: (p) => p.rows.reduce((n, r) => n + r.count, 0) }),
    byStage: t.field({ type: [PipelineCountRef], resolve: (p) => sum(p.rows, 'stage') }),
    bySource: t.field({ type: [PipelineCountRef], resolve: (p) => sum(p.rows, 'source') }),
    byStageAndSource: t.field({ type: [PipelineCountRef], resolve: (p) => p.rows }),
  }),
});

function sum(rows: PipelineCount[], key: 'stage' | 'source'): PipelineCount[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r[key] ?? '', (totals.get(r[key] ?? '') ?? 0) + r.count);
  return [...totals].map(([k, count]) => ({
    stage: key === 'stage' ? k : null,
    source: key === 'source' ? k : null,
    count,
  }));
}

builder.queryField('pipeline', (t) =>
  t.field({
    type: PipelineRef,
    nullable: true,
    description:
      'The candidates of an organisation’s subtree on a day, by stage and by source; null for an unknown code.',
    args: { orgCode: t.arg.string({ required: true }), asOf: t.arg({ type: 'Date' }) },
    resolve: async (_root, args) => {
      const id = await organisationIdOf(args.orgCode);
      const asOf = args.asOf ?? todayInVietnam();
      return id < 0 ? null : { asOf, rows: await pipelineCounts(id, asOf) };
    },
  }),
);
