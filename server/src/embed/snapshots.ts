// Widgets frozen at publication: the document a snapshot keeps (what was frozen, when, and the
// operation's answer), read back by id for /snapshots/<id> and for the embeds' `snapshot=ID`.
// A snapshot never changes, so a row once read is kept in memory (a bounded number of them).
import { randomBytes } from 'node:crypto';
import { prisma } from '../db.ts';
import { HttpError } from '../http/http-error.ts';
import { type Element, type EmbedQuery, readQuery } from './params.ts';

/** 12 base64url characters: 72 random bits, short enough to write in an attribute. */
export const newSnapshotId = (): string => randomBytes(9).toString('base64url');
export const isSnapshotId = (id: string): boolean => /^[A-Za-z0-9_-]{12}$/.test(id);

/** The attributes a snapshot keeps, named as the widgets' operation variables and properties. */
export interface FrozenAttributes {
  org: string;
  from?: string;
  to?: string;
  asOf?: string;
  recoveredTo?: string;
  /** <ketnap-hamlets>: the kind listed, as the attribute writes it ("cell-at-risk"). */
  concern?: string;
}

/** The document served at /snapshots/<id>; `data` is the answer the widget's operation gave. */
export interface SnapshotDocument {
  snapshot: {
    id: string;
    element: Element;
    attributes: FrozenAttributes;
    /** The instant it was frozen (ISO 8601). */
    frozenAt: string;
    /** That instant's day in Vietnam: "số liệu đến ngày …". */
    figuresOn: string;
  };
  data: { organisation: object };
}

/** Property names → the elements' attribute names. */
const ATTRIBUTE: Record<keyof FrozenAttributes, string> = {
  org: 'org',
  from: 'from',
  to: 'to',
  asOf: 'as-of',
  recoveredTo: 'recovered-to',
  concern: 'concern',
};

const kept = new Map<string, Buffer>();
const KEEP = 2_000;

/** Would reading this snapshot ask the database? (A well-formed id not kept in memory.) */
export const needsLookup = (id: string | null): boolean => id !== null && isSnapshotId(id) && !kept.has(id);

/** A snapshot's document as stored (the bytes served), or null when no snapshot has this id. */
export async function snapshotBody(id: string): Promise<Buffer | null> {
  if (!isSnapshotId(id)) return null;
  const found = kept.get(id);
  if (found) return found;
  const row = await prisma().widgetSnapshot.findUnique({ where: { id }, select: { body: true } });
  if (!row) return null;
  const body = Buffer.from(row.body);
  if (kept.size >= KEEP) kept.delete(kept.keys().next().value as string);
  kept.set(id, body);
  return body;
}

/**
 * The embed a URL asks for: its attributes as written, or with `snapshot=ID` the snapshot's
 * attributes and figures (the URL's lang, theme, max-items, source and hide-source still apply). An id that is malformed, unknown,
 * or frozen from another element is the author's mistake, named as an attribute's.
 */
export async function resolveQuery(element: Element, params: URLSearchParams): Promise<EmbedQuery> {
  const id = params.get('snapshot');
  if (id === null) return readQuery(element, params);
  if (!isSnapshotId(id))
    throw new HttpError(400, 'Attribute "snapshot": not a snapshot id (12 letters, digits, "-" or "_")');
  const body = await snapshotBody(id);
  if (!body) throw new HttpError(404, `Attribute "snapshot": no snapshot has the id "${id}"`);
  const { snapshot } = JSON.parse(body.toString('utf8')) as SnapshotDocument;
  if (snapshot.element !== element)
    throw new HttpError(
      400,
      `Attribute "snapshot": "${id}" is a snapshot of <ketnap-${snapshot.element}>, not of <ketnap-${element}>`,
    );
  const frozen = new URLSearchParams();
  for (const [name, value] of Object.entries(snapshot.attributes))
    frozen.set(ATTRIBUTE[name as keyof FrozenAttributes], value);
  // How it is shown stays the page's: a frozen list holds the most items an element shows (ITEMS.max).
  for (const name of ['lang', 'theme', 'max-items', 'source', 'hide-source']) {
    const value = params.get(name);
    if (value !== null) frozen.set(name, value);
  }
  return { ...readQuery(element, frozen), snapshot: { id, figuresOn: snapshot.figuresOn, body } };
}
