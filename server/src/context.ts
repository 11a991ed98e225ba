// What every resolver knows about the request: who is calling, and per-request batch loaders.
import type DataLoader from 'dataloader';

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

/** The caller behind a bearer token; anonymous callers have none. */
export interface Actor {
  tokenId: number;
  name: string;
  role: Role;
  /** The organisation whose subtree the token is scoped to; null: everywhere (admins). */
  organisationId: number | null;
}

export interface Context {
  actor: Actor | null;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

export function createContext(actor: Actor | null): Context {
  return { actor, loaders: new Map() };
}
