// The rows of a members export: the members whose current cell is in the subtree (as the `members`
// query reads them), in the columns of the import template, so that the file can be edited and
// imported again. Read a page at a time, by id: a province's members never sit in memory at once.
import { prisma } from '../db.ts';
import { attributeCells, yesNoCell } from '../import/attributes.ts';
import type { Cell } from '../import/cells.ts';
import { MEMBER_COLUMNS, type MemberField } from '../import/columns.ts';
import { ketnapIdOf } from '../import/ketnap-ids.ts';
import { memberWhere } from '../schema/member.ts';
import { type DateCell, PAGE } from './page.ts';

const GENDER = { MALE: 'Nam', FEMALE: 'Nữ' } as const;

export async function* memberRows(code: string, date: DateCell): AsyncGenerator<Cell[]> {
  let after = 0;
  for (;;) {
    const page = await prisma().member.findMany({
      where: { AND: [memberWhere({ code }), { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: PAGE,
      include: { admittedIn: { select: { code: true } } },
    });
    for (const m of page) {
      const values: Record<MemberField, Cell> = {
        fullName: m.fullName,
        birthDate: date(m.birthDate),
        gender: m.gender ? GENDER[m.gender] : null,
        admittedOn: date(m.admittedOn),
        officialOn: m.officialOn ? date(m.officialOn) : null,
        cellCode: m.admittedIn.code,
        partyCardNumber: m.partyCardNumber,
        citizenId: m.citizenId,
        ...attributeCells(m),
        isYouthUnionMember: yesNoCell(m.isYouthUnionMember),
        ketnapId: ketnapIdOf('Member', m.id),
      };
      yield MEMBER_COLUMNS.map((c) => values[c.field]);
    }
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}
