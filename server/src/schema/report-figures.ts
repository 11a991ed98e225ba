// The figures of the periodic report (schema/report.ts): a total and its breakdowns, each count of
// people a SmallCount, shown in a public answer as "fewer than 5" below 5.
import { CandidateSource, EducationLevel } from '@ketnap/prisma/generated/sqlite/enums.ts';
import type { Breakdown } from '../read/report.ts';
import { type ShownCount, SMALL_COUNT, shownCount } from '../rules/report.ts';
import { builder } from './builder.ts';
import { CandidateSourceEnum } from './candidate.ts';
import { EducationLevelEnum } from './member.ts';

/** A breakdown, and whether its counts are shown exactly (to a token reading the subtree). */
export type Figures = Breakdown & { exact: boolean };

const SmallCountRef = builder.objectRef<ShownCount>('SmallCount').implement({
  description: `A count of people. Exact for a token that may read the subtree’s personal data; in a public answer a count below ${SMALL_COUNT} (zero included) is shown only as “fewer than ${SMALL_COUNT}”, so that no one can be singled out.`,
  fields: (t) => ({
    value: t.exposeInt('value', {
      nullable: true,
      description: `The count; null when it is shown only as fewer than \`fewerThan\`.`,
    }),
    fewerThan: t.exposeInt('fewerThan', {
      nullable: true,
      description: `${SMALL_COUNT} when the count is below it and the answer is public (then \`value\` is null); null when \`value\` is given.`,
    }),
  }),
});

const EducationCountRef = builder
  .objectRef<{ level: EducationLevel | null; count: ShownCount }>('EducationCount')
  .implement({
    description: 'The people of a breakdown who completed one education level as their highest.',
    fields: (t) => ({
      level: t.field({
        type: EducationLevelEnum,
        nullable: true,
        description: 'The level; null for the people whose education is not recorded.',
        resolve: (e) => e.level,
      }),
      count: t.field({ type: SmallCountRef, description: 'How many.', resolve: (e) => e.count }),
    }),
  });

const SourceCountRef = builder
  .objectRef<{ source: CandidateSource | null; count: ShownCount }>('SourceCount')
  .implement({
    description: 'The people of a breakdown whose candidacy one mass organisation began (nguồn).',
    fields: (t) => ({
      source: t.field({
        type: CandidateSourceEnum,
        nullable: true,
        description: 'The source; null for members admitted without a recorded candidate path.',
        resolve: (s) => s.source,
      }),
      count: t.field({ type: SmallCountRef, description: 'How many.', resolve: (s) => s.count }),
    }),
  });

/** The report's columns, in the model's order (lowest level first). */
const EDUCATION_LEVELS = Object.values(EducationLevel);
const SOURCES = Object.values(CandidateSource);

export const ReportFiguresRef = builder.objectRef<Figures>('ReportFigures').implement({
  description: 'Members or admissions of a subtree, in total and broken down as the boards’ reports are.',
  fields: (t) => {
    const count = (description: string, of: (f: Figures) => number) =>
      t.field({ type: SmallCountRef, description, resolve: (f) => shownCount(of(f), f.exact) });
    return {
      total: t.exposeInt('total', {
        description: 'All of them (exact in every answer, as memberCount and admissionCount are).',
      }),
      women: count('Women (nữ).', (f) => f.women),
      ethnicMinorities: count(
        'Ethnic minorities (dân tộc thiểu số): a recorded ethnic group other than Kinh.',
        (f) => f.ethnicMinorities,
      ),
      religious: count('Religious followers (người có đạo): a religion recorded.', (f) => f.religious),
      youthUnion: count(
        'Youth Union members (đoàn viên): admitted as members of it; for members on a day, those still aged 30 or under.',
        (f) => f.youthUnion,
      ),
      aged18To30: count(
        'Aged 18 to 30 in whole years: on the day for members, on the day of admission for admissions.',
        (f) => f.aged18To30,
      ),
      byEducation: t.field({
        type: [EducationCountRef],
        description:
          'By the highest education level completed: every level, in order, zeros included, then those not recorded.',
        resolve: (f) =>
          [...EDUCATION_LEVELS, null].map((level) => ({
            level,
            count: shownCount(f.byEducation.get(level) ?? 0, f.exact),
          })),
      }),
      bySource: t.field({
        type: [SourceCountRef],
        description:
          'By the candidate’s source (nguồn): every mass organisation, zeros included, then those without a recorded path.',
        resolve: (f) =>
          [...SOURCES, null].map((source) => ({ source, count: shownCount(f.bySource.get(source) ?? 0, f.exact) })),
      }),
    };
  },
});
