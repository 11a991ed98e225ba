// /docs/: the schema as a reference page for frontend teams — every type, field and argument with
// its description, linked — rendered once from the schema the server runs, under the pages' CSP.
// Types are read by duck typing (ofType, getFields), never instanceof: one graphql realm or two.
import type { GraphQLArgument, GraphQLField, GraphQLInputField, GraphQLNamedType, GraphQLSchema } from 'graphql';
import { type Encoded, encodeAll } from './encoding.ts';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A type reference, linked to its section: `[Organisation!]!`. */
function typeRef(type: { toString(): string }): string {
  let named = type as { ofType?: unknown; name?: string };
  while (named.ofType) named = named.ofType as typeof named;
  const name = named.name ?? '';
  return escapeHtml(String(type)).replace(name, `<a href="#${name}">${name}</a>`);
}

const description = (text: string | null | undefined) =>
  text ? `<p>${escapeHtml(text)}</p>` : '<p class="missing">No description.</p>';

function argumentList(args: readonly GraphQLArgument[]): string {
  if (args.length === 0) return '';
  return `<ul class="args">${args
    .map(
      (arg) =>
        `<li><code>${arg.name}: ${typeRef(arg.type)}${arg.defaultValue !== undefined ? ` = ${escapeHtml(JSON.stringify(arg.defaultValue))}` : ''}</code> ${escapeHtml(arg.description ?? '')}</li>`,
    )
    .join('')}</ul>`;
}

function fieldList(fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[]): string {
  return `<dl>${fields
    .map(
      (field) =>
        `<dt id="${escapeHtml(field.name)}"><code>${field.name}: ${typeRef(field.type)}</code>${field.deprecationReason ? ' <em>deprecated</em>' : ''}</dt><dd>${description(field.description)}${'args' in field ? argumentList(field.args) : ''}</dd>`,
    )
    .join('')}</dl>`;
}

function section(type: GraphQLNamedType): string {
  const kind = type.constructor.name.replace(/^GraphQL|Type$/g, '').toLowerCase();
  const body =
    'getFields' in type
      ? fieldList(Object.values(type.getFields()))
      : 'getValues' in type
        ? `<dl>${type
            .getValues()
            .map((v) => `<dt><code>${v.name}</code></dt><dd>${description(v.description)}</dd>`)
            .join('')}</dl>`
        : 'getTypes' in type
          ? `<p>One of: ${type
              .getTypes()
              .map((t) => `<a href="#${t.name}">${t.name}</a>`)
              .join(', ')}</p>`
          : '';
  return `<section id="${type.name}"><h2>${kind} <code>${type.name}</code></h2>${description(type.description)}${body}</section>`;
}

export function renderDocs(schema: GraphQLSchema): string {
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__'))
    .sort((a, b) => rank(schema, a) - rank(schema, b) || a.name.localeCompare(b.name));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ketnap GraphQL schema</title><link rel="stylesheet" href="/docs/docs.css"></head>
<body><header><h1>ketnap GraphQL schema</h1>
<p>Every type, field and argument of <code>/graphql</code>, from the schema the server runs (also committed as <code>server/schema.graphql</code>). Start with <a href="#Query">Query</a>; try queries in <a href="/graphql">GraphiQL</a>.</p>
<nav>${types.map((t) => `<a href="#${t.name}">${t.name}</a>`).join(' ')}</nav></header>
<main>${types.map(section).join('\n')}</main></body></html>`;
}

/** Query and Mutation first, then the rest by name. */
function rank(schema: GraphQLSchema, type: GraphQLNamedType): number {
  if (type === schema.getQueryType()) return 0;
  if (type === schema.getMutationType()) return 1;
  return 2;
}

export const DOCS_CSS = `:root{color-scheme:light dark;--paper:#fdfbf8;--ink:#1d1b19;--muted:#5b554f;--link:#9f2a1f;--rule:#d9d2c9}
@media (prefers-color-scheme:dark){:root{--paper:#171513;--ink:#ece6df;--muted:#b6ada3;--link:#ff9d8f;--rule:#3e3833}}
body{margin:0 auto;max-width:60rem;padding:1rem;background:var(--paper);color:var(--ink);font:1rem/1.55 "Noto Sans","DejaVu Sans",system-ui,sans-serif}
a{color:var(--link)}nav{font-size:.85rem;line-height:1.9}nav a{margin-right:.4rem}
section{border-top:1px solid var(--rule);padding-top:.5rem}dt{margin-top:.6rem}dd{margin-left:1.2rem}dd p{margin:.2rem 0}
.missing{color:var(--muted);font-style:italic}.args{margin:.2rem 0;font-size:.92rem}code{font-size:.92em}`;

let rendered: { html: Encoded; css: Encoded } | undefined;

/** The page and its stylesheet, rendered and compressed once. */
export function docsFiles(schema: GraphQLSchema) {
  rendered ??= { html: encodeAll(Buffer.from(renderDocs(schema)), true), css: encodeAll(Buffer.from(DOCS_CSS), true) };
  return rendered;
}
