// What an embed says, once, for both of its forms (the HTML page and the image): blocks of text,
// bars and lists, in the words and number formats of the widgets themselves (their vi/en
// messages and formatters are imported, not copied), plus the same figures as one sentence for
// the image's alt text.
import { formatDate, formatMonth, formatNumber, formatPercent, formatPeriod } from '../../../widgets/src/lib/format.ts';
import type { Lang, Messages } from '../../../widgets/src/lib/i18n.ts';
import { messages } from '../../../widgets/src/lib/messages.ts';
import { barShares, paceView } from '../../../widgets/src/lib/pace.ts';
import type { Sector } from '../../../widgets/src/operations/generated.ts';
import type { EmbedData } from './data.ts';
import type { EmbedQuery } from './params.ts';
import { hamletsView } from './view-hamlets.ts';

export type Tone = 'good' | 'accent' | 'muted';
export interface Span {
  text: string;
  tone?: Tone | undefined;
}
export interface Item {
  name: string;
  context?: string | undefined;
  detail: string;
  note?: string | undefined;
}
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'figure'; text: string; note?: string | undefined }
  | { kind: 'line'; spans: Span[] }
  | { kind: 'bar'; fill: number; mark: number; label: string; now: number; max: number; valueText: string }
  | { kind: 'columns'; caption: string; head: [string, string]; columns: Column[] }
  | { kind: 'stack'; parts: { count: number; text: string; shade: number }[] }
  /** Items, and how many more there are beyond them (said in one line after them). */
  | { kind: 'list'; items: Item[]; more?: number | undefined }
  | { kind: 'empty'; text: string }
  | { kind: 'source'; text: string };
export interface Column {
  short: string;
  long: string;
  count: string;
  share: number;
}

export interface View {
  lang: Lang;
  /** The organisation's name, shown above the figures. */
  org: string;
  /** The page's and the image's title. */
  title: string;
  /** The figures in words: the image's description and accessible name. */
  alt: string;
  blocks: Block[];
}

/** Titles the widgets do not need (their host page has one); in the widgets' two languages. */
const TITLES: Record<Lang, { progress: string; grassroots: string }> = {
  vi: { progress: 'Kết nạp đảng viên mới', grassroots: 'Tổ chức cơ sở đảng' },
  en: { progress: 'New members admitted', grassroots: 'Grassroots party organisations' },
};

/**
 * The figures' view, closed by the source line the widgets show: for a snapshot, the day its
 * figures were frozen ("số liệu đến ngày …"), also said in the alt text.
 */
export function viewOf(query: EmbedQuery, data: EmbedData): View {
  const view = figuresOf(query, data);
  const t = messages(query.lang);
  const source = query.source ?? 'ketnap';
  const frozen = query.snapshot && t.frozen(source, formatDate(query.lang, query.snapshot.figuresOn));
  if (!query.hideSource) view.blocks.push({ kind: 'source', text: frozen || t.source(source, '') });
  if (frozen) view.alt += ` (${frozen}.)`;
  return view;
}

function figuresOf(query: EmbedQuery, data: EmbedData): View {
  const lang = query.lang;
  const t = messages(lang);
  const n = (x: number) => formatNumber(lang, x);
  const base = { lang, org: data.name };
  switch (data.element) {
    case 'progress': {
      const { admissionCount: count, quotaProgress: q } = data.result;
      const period = formatPeriod(lang, query.from!, query.to!);
      const blocks: Block[] = [{ kind: 'figure', text: t.newMembers(n(count), count), note: period }];
      let alt = `${data.name}: ${t.newMembers(n(count), count)}, ${period}.`;
      if (q) {
        const view = paceView(q);
        const share = formatPercent(lang, q.ratio);
        const expected = t.expectedBy(n(Math.round(q.expected)));
        blocks.push(
          {
            kind: 'bar',
            ...view,
            label: t.progressLabel(data.name),
            now: view.valueNow,
            max: q.target,
            valueText: `${n(q.admitted)} / ${n(q.target)} (${share}), ${t.pace[q.status]}`,
          },
          {
            kind: 'line',
            spans: [
              { text: `${t.ofTarget(share, n(q.target))} · ` },
              { text: t.pace[q.status], tone: q.status === 'BEHIND' ? 'accent' : 'good' },
            ],
          },
          { kind: 'line', spans: [{ text: expected, tone: 'muted' }] },
        );
        alt += ` ${t.ofTarget(share, n(q.target))}, ${t.pace[q.status]}. ${expected}.`;
      }
      return { ...base, title: `${TITLES[lang].progress} — ${data.name}`, alt, blocks };
    }
    case 'at-risk':
      return { ...base, ...atRisk(query, data.result, t, n) };
    case 'trend': {
      const months = data.result.admissionsByMonth;
      const period = formatPeriod(lang, query.from!, query.to!);
      const total = t.total(n(months.reduce((sum, m) => sum + m.count, 0)));
      const shares = barShares(months.map((m) => m.count));
      const blocks: Block[] = [{ kind: 'heading', text: t.trendTitle }];
      if (!months.length) blocks.push({ kind: 'empty', text: t.empty });
      else
        blocks.push(
          { kind: 'line', spans: [{ text: `${total} · ${period}`, tone: 'muted' }] },
          {
            kind: 'columns',
            caption: `${t.trendTitle}, ${period}`,
            head: [t.month, t.admissions],
            columns: months.map((m, i) => ({
              short: formatMonth(lang, m.month),
              long: formatMonth(lang, m.month, true),
              count: n(m.count),
              share: shares[i] ?? 0,
            })),
          },
        );
      const each = months.map((m) => `${formatMonth(lang, m.month, true)}: ${n(m.count)}`).join('; ');
      const alt = `${data.name}: ${t.trendTitle}, ${period}. ${months.length ? `${total}. ${each}.` : t.empty}`;
      return { ...base, title: `${t.trendTitle} — ${data.name}`, alt, blocks };
    }
    case 'grassroots': {
      const { total, cells, bySector } = data.result.grassrootsCount;
      // Communes first, as the article counts them (40 + 18 + 24), as the widget orders them.
      const parts = (Object.keys(t.committees) as Sector[]).flatMap((sector) => {
        const count = bySector.find((s) => s.sector === sector)?.committees ?? 0;
        return count > 0 ? [{ count, text: `${n(count)} ${t.committees[sector]}`, shade: 0 }] : [];
      });
      if (cells > 0) parts.push({ count: cells, text: `${n(cells)} ${t.cells(cells)}`, shade: 4 });
      parts.forEach((p, i) => void (p.shade = p.shade === 4 ? 4 : Math.min(i, 3)));
      const date = query.asOf ? t.onDate(formatDate(lang, query.asOf)) : undefined;
      const figure = t.grassrootsTotal(n(total), total);
      const blocks: Block[] = total
        ? [
            { kind: 'figure', text: figure, note: date },
            { kind: 'stack', parts },
          ]
        : [{ kind: 'empty', text: t.empty }];
      const alt = `${data.name}: ${figure}${date ? ` ${date}` : ''}${parts.length ? `: ${parts.map((p) => p.text).join(', ')}` : ''}.`;
      return { ...base, title: `${TITLES[lang].grassroots} — ${data.name}`, alt, blocks };
    }
    case 'hamlets':
      return { ...base, ...hamletsView(query, data.result, t) };
  }
}

type AtRiskData = Extract<EmbedData, { element: 'at-risk' }>['result'];

function atRisk(query: EmbedQuery, o: AtRiskData, t: Messages, n: (x: number) => string) {
  const date = formatDate(query.lang, query.asOf!);
  const cells = o.atRiskCells;
  const admitted = new Map((o.recoveredCells ?? []).map((r) => [r.cell.id, r.admitted]));
  const communes = new Set(cells.map((c) => c.cell.parent?.name)).size;
  const title = `${t.atRiskTitle} — ${o.name}`;
  if (!cells.length) {
    const none = t.noneAtRisk(date);
    return {
      title,
      alt: `${o.name}: ${none}`,
      blocks: [
        { kind: 'heading', text: t.atRiskTitle },
        { kind: 'empty', text: none },
      ] as Block[],
    };
  }
  const recovered = cells.filter((c) => admitted.has(c.cell.id)).length;
  const summary = `${t.atRiskCount(cells.length, communes)} · ${t.onDate(date)}`;
  const recoveredLine = query.recoveredTo
    ? t.recoveredCount(recovered, cells.length, formatDate(query.lang, query.recoveredTo))
    : undefined;
  const items: Item[] = cells.map((c) => {
    const k = admitted.get(c.cell.id);
    return {
      name: c.cell.name,
      context: c.cell.parent?.name,
      detail: t.figures(n(c.memberCount), n(c.elderlyCount), n(c.policy.elderlyAge), n(c.yearsWithoutAdmission)),
      note: k ? t.recovered(n(k)) : undefined,
    };
  });
  const blocks: Block[] = [
    { kind: 'heading', text: t.atRiskTitle },
    { kind: 'line', spans: [{ text: summary, tone: 'muted' }] },
    ...(recoveredLine ? [{ kind: 'line', spans: [{ text: recoveredLine }] } as Block] : []),
    { kind: 'list', items },
  ];
  const each = items.map(
    (i) => `${i.name}${i.context ? ` (${i.context})` : ''}: ${i.detail}${i.note ? `; ${i.note}` : ''}.`,
  );
  const alt = [
    `${o.name}: ${t.atRiskTitle} ${t.onDate(date)}: ${t.atRiskCount(cells.length, communes)}.`,
    ...(recoveredLine ? [`${recoveredLine}.`] : []),
    ...each,
  ].join(' ');
  return { title, alt, blocks };
}
