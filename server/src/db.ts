// The process's database: opened once at start (or by a test) and imported where needed.
import { type Database, type OpenOptions, openDatabase } from './db/client.ts';

let current: Database | undefined;

export function useDatabase(url: string, options: OpenOptions = {}): Database {
  current = openDatabase(url, options);
  return current;
}

export function db(): Database {
  if (!current) throw new Error('No database: call useDatabase(url) first');
  return current;
}

export const prisma = () => db().prisma;
