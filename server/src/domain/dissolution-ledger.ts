// What a dissolution changed, kept in its audit event (after.undo) so that a dissolution recorded
// by error can be voided exactly (dissolution-corrections.ts): the dated rows it cut on the day,
// with the end each had; the rows it made (the rest of a cut row in the merge target, following
// its merges), as made; the candidates it moved. A row made is undone only while it is as made.
import type { Tx } from './write.ts';

export type LedgerTable = 'placement' | 'organisationParent' | 'hamletCommune' | 'hamletCell';

/** The column naming where a row is: the cell, the parent, the commune. */
export const OWNER: Record<LedgerTable, 'cellId' | 'parentId' | 'communeId'> = {
  placement: 'cellId',
  organisationParent: 'parentId',
  hamletCommune: 'communeId',
  hamletCell: 'cellId',
};

export interface LedgerRow {
  table: LedgerTable;
  id: number;
  owner: number;
  startOn: string;
  endOn: string | null;
}

export interface Ledger {
  /** Rows cut on the day, each with the end it had before (owner and start unchanged). */
  cut: LedgerRow[];
  /** Rows made, as made. */
  made: LedgerRow[];
  /** The organisation's own parent links removed (they began after the day). */
  removed: { organisationId: number; parentId: number; startOn: string; endOn: string | null }[];
  candidates: number[];
}

export const emptyLedger = (): Ledger => ({ cut: [], made: [], removed: [], candidates: [] });

type Row = { id: number; startOn: string; endOn: string | null } & Partial<
  Record<'cellId' | 'parentId' | 'communeId', number>
>;

/** A row as the ledger keeps it. */
export const entry = (table: LedgerTable, row: Row): LedgerRow => ({
  table,
  id: row.id,
  owner: row[OWNER[table]]!,
  startOn: row.startOn,
  endOn: row.endOn,
});

/** The same calls on each of the four dated tables. */
interface Delegate {
  findMany(args: { where: { id: { in: number[] } } }): Promise<Row[]>;
  update(args: { where: { id: number }; data: { endOn: string | null } }): Promise<unknown>;
  deleteMany(args: { where: { id: { in: number[] } } }): Promise<unknown>;
}

export const delegate = (tx: Tx, table: LedgerTable) => tx[table] as unknown as Delegate;
