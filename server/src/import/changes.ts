// Rows of a members roster that say something else about a recorded member: corrections, made by
// correctMember (the same rules and audit as the mutation, with the file named as the reason), and
// card or citizen ID numbers the record lacked. A preview tries each correction in a transaction
// it rolls back; a commit makes it in the import's transaction (in a savepoint once a row has been
// refused, when nothing will be kept).
import type { EducationLevel, Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import type { Actor } from '../context.ts';
import { prisma } from '../db.ts';
import { correctMemberIn } from '../domain/corrections.ts';
import { audit, type Tx } from '../domain/write.ts';
import type { Violation } from '../rules/violations.ts';
import type { PendingRow } from './member-records.ts';
import { inSavepoint } from './savepoint.ts';

/** What a row changes of a recorded member. */
export interface Change {
  admittedOn?: string;
  officialOn?: string;
  gender?: Gender;
  ethnicity?: string;
  religion?: string;
  education?: EducationLevel;
  isYouthUnionMember?: boolean;
  admittedInCellCode?: string;
  partyCardNumber?: string;
  citizenId?: string;
}

/** correctMember's fields as the roster's columns. */
const COLUMN_OF: Record<string, string> = { admittedInCellCode: 'cellCode', admittedOn: 'admittedOn' };

export class MemberChanges {
  count = 0;

  constructor(
    private readonly db: Tx,
    private readonly options: { actor: Actor; commit: boolean; name: string },
    private readonly refuse: (row: PendingRow, violations: Violation[]) => void,
    private readonly hasRefusals: () => boolean,
  ) {}

  async apply(rows: { row: PendingRow; memberId: number; change: Change }[]): Promise<void> {
    for (const { row, memberId, change } of rows) {
      const run = (tx: Tx) =>
        inSavepoint(tx, this.options.commit && !this.hasRefusals(), () => this.make(tx, memberId, change));
      const violations = this.options.commit
        ? await run(this.db)
        : await prisma().$transaction((tx) => run(tx).then((v) => v));
      if (violations.length > 0)
        this.refuse(
          row,
          violations.map((v) => ({ ...v, field: COLUMN_OF[v.field] ?? v.field })),
        );
      else this.count++;
    }
  }

  private async make(tx: Tx, memberId: number, change: Change) {
    const { partyCardNumber, citizenId, ...facts } = change;
    const actor = this.options.actor;
    if (Object.keys(facts).length > 0)
      await correctMemberIn(tx, {
        actor,
        input: { memberId, ...facts, reason: `Nhập tệp ${this.options.name}` },
      });
    if (partyCardNumber || citizenId) {
      const numbers = { ...(partyCardNumber ? { partyCardNumber } : {}), ...(citizenId ? { citizenId } : {}) };
      await tx.member.update({ where: { id: memberId }, data: numbers });
      await audit(tx, actor, {
        action: 'importMemberNumbers',
        entityType: 'Member',
        entityId: memberId,
        after: numbers,
      });
    }
  }
}
