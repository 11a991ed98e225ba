// Recording a member admitted before ketnap was used, with the cells they belonged to: each
// placement ends where the next begins, the first starts on the admission day.
import type { EducationLevel, Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { addMembers } from '../derived/track.ts';
import { validateHistory } from '../rules/membership.ts';
import { activeCell } from './lookup.ts';
import { placementSpans, type Span } from './placements.ts';
import { audit, ensure, refuse, type WriteOptions, write } from './write.ts';

export interface RecordMemberInput {
  fullName: string;
  birthDate: string;
  gender?: Gender | null;
  personalHistory?: string | null;
  /** The report's attributes (personal data): written as given, blank as none. */
  ethnicity?: string | null;
  religion?: string | null;
  education?: EducationLevel | null;
  isYouthUnionMember?: boolean | null;
  admittedOn: string;
  officialOn?: string | null;
  /** Where the member belonged, in order; each placement ends where the next begins. */
  placements: { cellCode: string; startOn: string }[];
}

export function recordMember({ actor, input }: WriteOptions<RecordMemberInput>) {
  return write(async (tx) => {
    if (!input.fullName.trim()) refuse('REQUIRED', 'fullName', { input: 'fullName' });
    if (input.birthDate >= input.admittedOn) refuse('BIRTH_DATE_AFTER', 'birthDate');
    ensure(
      validateHistory(
        input.admittedOn,
        input.officialOn ?? null,
        input.placements.map((p) => p.startOn),
      ),
    );
    const cells: Awaited<ReturnType<typeof activeCell>>[] = [];
    for (const p of input.placements) cells.push(await activeCell(tx, p.cellCode, p.startOn, 'placements'));
    const spans: Span[] = [];
    for (const [i, p] of input.placements.entries())
      spans.push(
        ...(await placementSpans(tx, cells[i]!, p.startOn, input.placements[i + 1]?.startOn ?? null, 'placements')),
      );
    const { placements, ...rest } = input;
    const member = await tx.member.create({
      data: {
        ...rest,
        fullName: input.fullName.trim(),
        ethnicity: input.ethnicity?.trim() || null,
        religion: input.religion?.trim() || null,
        isYouthUnionMember: input.isYouthUnionMember ?? false,
        admittedInId: cells[0]!.id,
      },
    });
    addMembers(tx, [member.id]);
    await tx.placement.createMany({ data: spans.map((span) => ({ memberId: member.id, ...span })) });
    await audit(tx, actor, {
      action: 'recordMember',
      entityType: 'Member',
      entityId: member.id,
      after: { ...member, placements },
    });
    return member;
  });
}
