// The pipeline of candidates, public: how many stood at each stage on a day and came from each
// mass organisation (counts only, no one named).
import type { CandidateSource, CandidateStage } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { batched } from '../read/batch.ts';
import { type PipelineCount, pipelineCounts } from '../read/pipeline.ts';
import { builder } from './builder.ts';
import { CandidateSourceEnum, CandidateStageEnum } from './candidate.ts';
import { OrganisationRef } from './organisation.ts';
import { defaultAsOf } from './ranges.ts';

const asOfDescription =
  'The day read: each candidate at their latest step on or before it, in the tree as it stood. Default: today, or for a dissolved organisation its last day.';

const PipelineCountRef = builder.objectRef<PipelineCount>('PipelineCount').implement({
  description: 'How many candidates stood at a stage, came from a source, or both, on the pipeline’s day.',
  fields: (t) => ({
    stage: t.field({
      type: CandidateStageEnum,
      nullable: true,
      description: 'The stage counted; null in `bySource`, which sums over stages.',
      resolve: (c) => c.stage as CandidateStage | null,
    }),
    source: t.field({
      type: CandidateSourceEnum,
      nullable: true,
      description: 'The source counted; null in `byStage`, which sums over sources.',
      resolve: (c) => c.source as CandidateSource | null,
    }),
    count: t.exposeInt('count', { description: 'Candidates, never 0: combinations without any are left out.' }),
  }),
});

const PipelineRef = builder.objectRef<{ asOf: string; rows: PipelineCount[] }>('Pipeline').implement({
  description: 'Candidates of a subtree by the stage they stood at on `asOf` (counts only: public).',
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date', description: 'The day counted (the argument, or its default).' }),
    total: t.int({
      description:
        'Candidates with a step on or before `asOf`, whatever their stage (ADMITTED, WITHDRAWN and REJECTED included).',
      resolve: (p) => p.rows.reduce((n, r) => n + r.count, 0),
    }),
    byStage: t.field({
      type: [PipelineCountRef],
      description: 'Counts per stage (source null).',
      resolve: (p) => sum(p.rows, 'stage'),
    }),
    bySource: t.field({
      type: [PipelineCountRef],
      description: 'Counts per source (stage null).',
      resolve: (p) => sum(p.rows, 'source'),
    }),
    byStageAndSource: t.field({
      type: [PipelineCountRef],
      description: 'Counts per stage and source together.',
      resolve: (p) => p.rows,
    }),
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

builder.objectFields(OrganisationRef, (t) => ({
  pipeline: t.field({
    type: PipelineRef,
    description: 'The candidates of the subtree on a day, by stage and by source (counts only: public).',
    args: { asOf: t.arg({ type: 'Date', required: false, description: asOfDescription }) },
    resolve: async (org, args, ctx) => {
      const asOf = defaultAsOf(org, args.asOf);
      const load = (ids: readonly number[]) => pipelineCounts(ids, asOf);
      return { asOf, rows: await batched(ctx, `pipeline:${asOf}`, load, [] as PipelineCount[]).load(org.id) };
    },
  }),
}));
