// Members as the generator knows them (placements in order), and the queries the
// later steps need: who is in a cell on a day, who is a full member.
import type { Gender, LeavingReason } from '../../generated/sqlite/enums.ts';
import { nextId, type Rows } from './context.ts';

export interface Stay {
  cellId: number;
  start: string;
  end: string | null;
}

export interface MemberInfo {
  id: number;
  birth: string;
  gender: Gender;
  admitted: string;
  official: string | null;
  left: string | null;
  stays: Stay[];
}

export interface Admission {
  fullName: string;
  birth: string;
  gender: Gender;
  personalHistory?: string | null;
  admitted: string;
  cellId: number;
  official: string | null;
  left: string | null;
  leftReason: LeavingReason | null;
  candidateId?: number | null;
}

export class Registry {
  readonly members: MemberInfo[] = [];
  private readonly byCell = new Map<number, MemberInfo[]>();

  constructor(private readonly rows: Rows) {}

  admit(a: Admission): MemberInfo {
    const id = nextId(this.rows.members);
    this.rows.members.push({
      id,
      fullName: a.fullName,
      birthDate: a.birth,
      gender: a.gender,
      personalHistory: a.personalHistory ?? null,
      admittedOn: a.admitted,
      admittedInId: a.cellId,
      officialOn: a.official,
      leftOn: a.left,
      leftReason: a.leftReason,
      candidateId: a.candidateId ?? null,
      // Filled in last, from the member's own seed (attributes.ts).
      ethnicity: null,
      religion: null,
      education: null,
      isYouthUnionMember: false,
    });
    const info: MemberInfo = {
      id,
      birth: a.birth,
      gender: a.gender,
      admitted: a.admitted,
      official: a.official,
      left: a.left,
      stays: [{ cellId: a.cellId, start: a.admitted, end: a.left }],
    };
    this.members.push(info);
    this.index(a.cellId, info);
    return info;
  }

  /** Chuyển sinh hoạt: the current placement ends on `on`, the next starts on `on`. */
  transfer(m: MemberInfo, toCellId: number, on: string): void {
    const last = m.stays[m.stays.length - 1];
    if (!last || on <= last.start || (m.left !== null && on >= m.left)) throw new Error('bad transfer');
    last.end = on;
    m.stays.push({ cellId: toCellId, start: on, end: m.left });
    this.index(toCellId, m);
  }

  /** Members in the cell on day d (admitted, not left, placed there). */
  inCell(cellId: number, d: string): MemberInfo[] {
    return (this.byCell.get(cellId) ?? []).filter(
      (m) =>
        m.admitted <= d &&
        (m.left === null || m.left > d) &&
        m.stays.some((s) => s.cellId === cellId && s.start <= d && (s.end === null || s.end > d)),
    );
  }

  /** Full members in the cell on day d, recognised strictly before d when `strict`. */
  fullIn(cellId: number, d: string, strict = false): MemberInfo[] {
    return this.inCell(cellId, d).filter((m) => m.official !== null && (strict ? m.official < d : m.official <= d));
  }

  /** Writes the placements, member by member, in order. */
  finish(): void {
    for (const m of this.members) {
      for (const s of m.stays) {
        const id = nextId(this.rows.placements);
        this.rows.placements.push({
          id,
          memberId: m.id,
          cellId: s.cellId,
          startOn: s.start,
          endOn: s.end,
        });
      }
    }
  }

  private index(cellId: number, m: MemberInfo): void {
    const list = this.byCell.get(cellId);
    if (list) {
      if (!list.includes(m)) list.push(m);
    } else this.byCell.set(cellId, [m]);
  }
}
