// Descriptions of the types the builder makes by pattern (inputs, results and successes of
// mutations, Relay connections, edges and paging arguments), so that every public type, field
// and argument is described (a test checks it). Domain types are described where they are made.
import type { GraphQLSchema } from 'graphql';

interface Described {
  name: string;
  description?: string | null | undefined;
}
interface WithFields extends Described {
  getFields(): Record<string, Described & { args?: readonly Described[] }>;
}

const PAGING: Record<string, string> = {
  first: 'Return at most this many items from the start (after `after`).',
  after: 'Start after this cursor (a `pageInfo.endCursor` or an edge’s `cursor`).',
  last: 'Return at most this many items from the end (before `before`).',
  before: 'End before this cursor (a `pageInfo.startCursor` or an edge’s `cursor`).',
};

const CONNECTION_FIELDS: Record<string, string> = {
  edges: 'The items of this page, each with its cursor.',
  pageInfo: 'Where this page lies: whether there are pages before and after it, and its cursors.',
  totalCount: 'How many items match in all, on every page.',
  node: 'The item.',
  cursor: 'This item’s place, to page from with `after` or `before`.',
};

const PAGE_INFO: Record<string, string> = {
  hasNextPage: 'Whether there are items after this page.',
  hasPreviousPage: 'Whether there are items before this page.',
  startCursor: 'The cursor of the first item of this page.',
  endCursor: 'The cursor of the last item of this page.',
};

const set = (thing: Described, text: string) => {
  if (!thing.description) thing.description = text;
};

/** Fills in the descriptions of pattern-made types; leaves every written description alone. */
export function describeGenerics(schema: GraphQLSchema): GraphQLSchema {
  const mutationFields = schema.getMutationType()?.getFields() ?? {};
  const mutationOf = (typeName: string, suffix: string) => {
    const base = typeName.slice(0, -suffix.length);
    return Object.keys(mutationFields).find((name) => name.toLowerCase() === base.toLowerCase());
  };
  set(
    schema.getQueryType() as Described,
    'Questions: public figures of the organisation tree, and, with a token, personal data within its reach.',
  );
  const mutation = schema.getMutationType();
  if (mutation)
    set(
      mutation as Described,
      'Writes, each one audited transaction checked against the Party’s rules; they need a token.',
    );
  for (const type of Object.values(schema.getTypeMap()) as (Described & Partial<WithFields>)[]) {
    if (type.name.startsWith('__')) continue;
    const name = type.name;
    const mutationName =
      (name.endsWith('Input') && mutationOf(name, 'Input')) ||
      (name.endsWith('Result') && mutationOf(name, 'Result')) ||
      (name.endsWith('Success') && mutationOf(name, 'Success'));
    if (mutationName && name.endsWith('Input')) set(type, `What \`${mutationName}\` is asked to write.`);
    if (mutationName && name.endsWith('Result'))
      set(type, `What \`${mutationName}\` answers: its success, or a ValidationError naming the rule and the field.`);
    if (mutationName && name.endsWith('Success')) {
      set(type, `\`${mutationName}\` was written.`);
      const data = type.getFields?.().data;
      if (data) set(data, 'What was written, as it now reads.');
    }
    if (name.endsWith('Connection')) set(type, 'A page of items, with how to reach the next and the total.');
    if (name.endsWith('ConnectionEdge') || name.endsWith('Edge')) set(type, 'One item of a page and its cursor.');
    if (name === 'PageInfo') set(type, 'Where a page lies among all the items.');
    if (name === 'Node') set(type, 'Anything with a global ID, which `node(id:)` finds again.');
    if (name === 'Node' || name.endsWith('Connection') || name.endsWith('Edge')) {
      for (const [field, text] of Object.entries(CONNECTION_FIELDS)) {
        const found = type.getFields?.()[field];
        if (found) set(found, text);
      }
      const id = type.getFields?.().id;
      if (id) set(id, 'A global ID: opaque, stable, accepted by `node(id:)`.');
    }
    if (name === 'PageInfo')
      for (const [field, text] of Object.entries(PAGE_INFO)) {
        const found = type.getFields?.()[field];
        if (found) set(found, text);
      }
    for (const field of Object.values(type.getFields?.() ?? {})) {
      for (const arg of field.args ?? []) if (PAGING[arg.name]) set(arg, PAGING[arg.name] as string);
      if (field.name === 'id' && !field.description)
        set(field, 'A global ID: opaque, stable, accepted by `node(id:)`.');
    }
  }
  for (const field of Object.values(mutationFields))
    for (const arg of field.args)
      if (arg.name === 'input') set(arg as Described, 'What to write: each field is described on the input type.');
  const query = schema.getQueryType()?.getFields() ?? {};
  if (query.node) {
    set(query.node, 'Anything by its global ID; null when nothing has it (or it is out of your token’s reach).');
    for (const arg of query.node.args) set(arg as Described, 'A global ID, as `id` fields give it.');
  }
  if (query.nodes) {
    set(query.nodes, 'Several things by their global IDs, in the same order; null for each that is missing.');
    for (const arg of query.nodes.args) set(arg as Described, 'Global IDs, as `id` fields give them.');
  }
  return schema;
}
