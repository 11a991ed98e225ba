// "Tải số liệu": a widget's figures as CSV (/embed/<element>.csv), for readers who want the numbers
// themselves. One table per element, its headers in the reader's language, figures unformatted
// (dates YYYY-MM-DD, shares as fractions) so that a spreadsheet reads them as numbers and dates.
// UTF-8 with a byte order mark, so that Excel shows Vietnamese letters; RFC 4180 quoting.
import { messages } from '../../../widgets/src/lib/messages.ts';
import type { Sector } from '../../../widgets/src/operations/generated.ts';
import { spreadsheetSafe } from '../rules/text.ts';
import { HEADERS } from './csv-headers.ts';
import type { EmbedData } from './data.ts';
import type { EmbedQuery } from './params.ts';

type Cell = string | number | null | undefined;

/** The figures of an embed's answer as rows, the header first. */
export function tableOf(query: EmbedQuery, data: EmbedData): Cell[][] {
  const h = HEADERS[query.lang];
  const t = messages(query.lang);
  switch (data.element) {
    case 'progress': {
      const q = data.result.quotaProgress;
      return [
        [h.org, h.from, h.to, h.admitted, h.target, h.ratio, h.expected, h.status, h.periodFrom, h.periodTo],
        [
          data.name,
          query.from,
          query.to,
          data.result.admissionCount,
          q?.target,
          q?.ratio,
          q && Math.round(q.expected),
          q && t.pace[q.status],
          q?.periodFrom,
          q?.periodTo,
        ],
      ];
    }
    case 'trend':
      return [[h.org, h.month, h.admitted], ...data.result.admissionsByMonth.map((m) => [data.name, m.month, m.count])];
    case 'at-risk': {
      const cells = data.result.atRiskCells;
      const recovered = query.recoveredTo
        ? new Map((data.result.recoveredCells ?? []).map((r) => [r.cell.id, r.admitted]))
        : null;
      const age = cells[0]?.policy.elderlyAge ?? 60;
      return [
        [
          h.org,
          h.asOf,
          h.cell,
          h.parent,
          h.members,
          h.elderly(age),
          h.lastAdmission,
          h.years,
          ...(recovered ? [h.recovered(query.recoveredTo!)] : []),
        ],
        ...cells.map((c) => [
          data.name,
          query.asOf,
          c.cell.name,
          c.cell.parent?.name,
          c.memberCount,
          c.elderlyCount,
          c.lastAdmissionOn,
          c.yearsWithoutAdmission,
          ...(recovered ? [recovered.get(c.cell.id) ?? 0] : []),
        ]),
      ];
    }
    case 'grassroots': {
      const g = data.result.grassrootsCount;
      return [
        [h.org, h.asOf, h.sector, h.committees, h.cells],
        ...g.bySector.map((s) => [
          data.name,
          query.asOf,
          s.sector ? h.sectors[s.sector as Sector] : '',
          s.committees,
          s.cells,
        ]),
        [data.name, query.asOf, h.total, g.committees, g.cells],
      ];
    }
    case 'hamlets': {
      // The counts; with `concern`, the hamlets of that kind the widget lists instead.
      const c = data.result.hamletCounts;
      if (!query.concern)
        return [
          [h.org, h.asOf, h.hamlets, h.withoutCell, h.withoutMember, h.cellAtRisk],
          [data.name, query.asOf, c.hamlets, c.withoutCell, c.withoutMember, c.cellAtRisk],
        ];
      return [
        [h.org, h.asOf, h.hamlet, h.commune, h.cell, h.residents],
        ...(data.result.hamlets ?? []).map((x) => [
          data.name,
          query.asOf,
          x.hamlet.name,
          x.commune?.name,
          x.cell?.name,
          x.memberCount,
        ]),
      ];
    }
    default: {
      // An element this file does not know yet: every figure of its answer, one per line.
      const { name, result } = data as { name: string; result: object };
      return [[h.org, '', ''], ...flatten(result).map(([path, value]) => [name, path, value])];
    }
  }
}

/** The scalar figures of an answer with their paths (`quotaProgress.target`, `bySector.0.cells`). */
function flatten(value: unknown, path = ''): [string, Cell][] {
  if (value === null || typeof value !== 'object') return path ? [[path, value as Cell]] : [];
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, path ? `${path}.${key}` : key));
}

/** A cell's text; text a spreadsheet would run as a formula is marked (rules/text.ts). */
const cellText = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : spreadsheetSafe(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The CSV file of an embed's figures. */
export function csvOf(query: EmbedQuery, data: EmbedData): string {
  return `\uFEFF${tableOf(query, data)
    .map((row) => `${row.map(cellText).join(',')}\r\n`)
    .join('')}`;
}

/** The file's name, from what it is about: `ketnap-progress-thanh-chuong-2017-01-01-2017-07-31.csv`. */
export function csvFileName(query: EmbedQuery): string {
  const about = query.snapshot
    ? [query.snapshot.id]
    : [query.org, query.from, query.to, query.asOf, query.recoveredTo, query.concern].filter(Boolean);
  return `ketnap-${[query.element, ...about].join('-')}.csv`;
}
