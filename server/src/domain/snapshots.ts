// Freezing a widget at publication: a newsroom's editor keeps the figures an article was written
// with. The attributes are checked as the element checks them, the widget's own operation is run
// anonymously (the public answer, nothing private), and the answer is stored once, audited, under
// a short unguessable id. Nothing is derived from it and it is never changed.
import { variablesOf } from '../embed/data.ts';
import { DATES, type Element, ITEMS } from '../embed/params.ts';
import { type FrozenAttributes, newSnapshotId, type SnapshotDocument } from '../embed/snapshots.ts';
import { todayInVietnam } from '../rules/dates.ts';
import { MAX_RANGE_YEARS } from '../schema/ranges.ts';
import { audit, refuse, type WriteOptions, write } from './write.ts';

export interface FreezeWidgetInput {
  element: Element;
  org: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  asOf?: string | null | undefined;
  recoveredTo?: string | null | undefined;
  /** hamlets: the kind of hamlet listed, as GraphQL's HamletConcern names it. */
  concern?: 'WITHOUT_CELL' | 'WITHOUT_MEMBER' | 'CELL_AT_RISK' | null | undefined;
}

/** Runs the element's operation anonymously with these variables: the public read path's answer. */
export type PublicAnswer = (
  element: Element,
  variables: object,
) => Promise<{ data?: { organisation?: object | null } | null; errors?: readonly unknown[] }>;

/** Input fields → the elements' attribute names (DATES is keyed by attribute). */
const DATE_FIELDS = { from: 'from', to: 'to', asOf: 'as-of', recoveredTo: 'recovered-to' } as const;

/** The attributes the element takes, each checked: required ones present, no others, a period in order. */
function attributesOf(input: FreezeWidgetInput): FrozenAttributes {
  const { element } = input;
  const attributes: FrozenAttributes = { org: input.org };
  const dated: [keyof typeof DATE_FIELDS, string][] = [];
  for (const [field, attribute] of Object.entries(DATE_FIELDS) as [keyof typeof DATE_FIELDS, string][]) {
    const value = input[field];
    const need = DATES[element][attribute as keyof (typeof DATES)[Element]];
    if (!need && value) refuse('WIDGET_ATTRIBUTE_UNUSED', field, { element, field });
    if (need === 'required' && !value) refuse('WIDGET_ATTRIBUTE_REQUIRED', field, { element, field });
    if (value) dated.push([field, (attributes[field] = value)]);
  }
  if (input.concern) {
    if (element !== 'hamlets') refuse('WIDGET_ATTRIBUTE_UNUSED', 'concern', { element, field: 'concern' });
    attributes.concern = input.concern.toLowerCase().replaceAll('_', '-');
  }
  // A period's two ends (from–to, or as-of–recovered-to), as the GraphQL read path wants them.
  const [[, start] = [], [end, last] = []] = dated;
  if (end && start && last) {
    if (last < start) refuse('PERIOD_INVALID', end);
    if (Number(last.slice(0, 4)) - Number(start.slice(0, 4)) > MAX_RANGE_YEARS)
      refuse('PERIOD_TOO_LONG', end, { years: MAX_RANGE_YEARS });
  }
  return attributes;
}

export async function freezeWidget({
  actor,
  input,
  answer,
}: WriteOptions<FreezeWidgetInput> & { answer: PublicAnswer }): Promise<SnapshotDocument['snapshot']> {
  const { element } = input;
  const attributes = attributesOf(input);
  // A list is frozen as long as an element may show it: each page then shows its own max-items.
  const query = { element, lang: 'vi', theme: 'auto', ...attributes, maxItems: String(ITEMS.max) } as const;
  const result = await answer(element, variablesOf(query));
  if (result.errors?.length || !result.data)
    throw new Error(`The ${element} operation failed: ${String(result.errors)}`);
  if (!result.data.organisation) refuse('NOT_FOUND', 'org', { thing: 'organisation', code: input.org });
  const frozenAt = new Date();
  const snapshot = {
    id: newSnapshotId(),
    element,
    attributes,
    frozenAt: frozenAt.toISOString(),
    figuresOn: todayInVietnam(frozenAt),
  };
  const document: SnapshotDocument = { snapshot, data: { organisation: result.data.organisation } };
  return write(async (tx) => {
    await tx.widgetSnapshot.create({
      data: {
        id: snapshot.id,
        element,
        params: JSON.stringify(attributes),
        body: JSON.stringify(document),
        frozenAt,
        createdBy: actor.name,
      },
    });
    await audit(tx, actor, {
      action: 'freezeWidget',
      entityType: 'WidgetSnapshot',
      entityId: snapshot.id,
      after: snapshot,
    });
    return snapshot;
  });
}
