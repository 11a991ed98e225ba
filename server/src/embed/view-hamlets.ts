// What <ketnap-hamlets> says without JavaScript (view.ts): Đề án 01/ĐA-TU/2016's three counts of
// hamlets on a day and, with `concern`, the first `max-items` hamlets of that kind, in the widget's
// own words and number formats.
import { formatDate, formatNumber } from '../../../widgets/src/lib/format.ts';
import type { Messages } from '../../../widgets/src/lib/i18n.ts';
import type { HamletConcern } from '../../../widgets/src/operations/generated.ts';
import type { EmbedData } from './data.ts';
import { type EmbedQuery, ITEMS } from './params.ts';
import type { Block, Item } from './view.ts';

type HamletsData = Extract<EmbedData, { element: 'hamlets' }>['result'];

export function hamletsView(query: EmbedQuery, o: HamletsData, t: Messages) {
  const lang = query.lang;
  const n = (x: number) => formatNumber(lang, x);
  const c = o.hamletCounts;
  const summary = `${t.hamletsTotal(n(c.hamlets), c.hamlets)} · ${t.onDate(formatDate(lang, query.asOf!))}`;
  const title = `${t.hamletsTitle} — ${o.name}`;
  const blocks: Block[] = [
    { kind: 'heading', text: t.hamletsTitle },
    { kind: 'line', spans: [{ text: summary, tone: 'muted' }] },
  ];
  if (!c.hamlets) {
    blocks.push({ kind: 'empty', text: t.empty });
    return { title, alt: `${o.name}: ${t.hamletsTitle}, ${summary}. ${t.empty}`, blocks };
  }
  const counts: Record<HamletConcern, number> = {
    WITHOUT_CELL: c.withoutCell,
    WITHOUT_MEMBER: c.withoutMember,
    CELL_AT_RISK: c.cellAtRisk,
  };
  const said = (Object.keys(counts) as HamletConcern[]).map((k) => {
    blocks.push({ kind: 'line', spans: [{ text: n(counts[k]), tone: 'accent' }, { text: ` ${t.concerns[k]}` }] });
    return `${n(counts[k])} ${t.concerns[k]}`;
  });
  const alt = [`${o.name}: ${t.hamletsTitle}, ${summary}: ${said.join(', ')}.`];
  const concern = query.concern?.toUpperCase().replaceAll('-', '_') as HamletConcern | undefined;
  if (concern) {
    const shown = (o.hamlets ?? []).slice(0, Number(query.maxItems ?? ITEMS.default));
    const items: Item[] = shown.map((h) => ({
      name: h.hamlet.name,
      context: h.commune?.name,
      detail: `${h.cell?.name ?? t.concerns.WITHOUT_CELL} · ${
        h.memberCount ? t.residents(n(h.memberCount), h.memberCount) : t.concerns.WITHOUT_MEMBER
      }`,
    }));
    const heading = t.hamletsOf(t.concerns[concern]);
    const more = counts[concern] - items.length;
    blocks.push({ kind: 'line', spans: [{ text: heading }] }, { kind: 'list', items, more });
    alt.push(`${heading}:`, ...items.map((i) => `${i.name}${i.context ? ` (${i.context})` : ''}: ${i.detail}.`));
    if (more > 0) alt.push(`${t.more(n(more))}.`);
  }
  return { title, alt: alt.join(' '), blocks };
}
