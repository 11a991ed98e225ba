import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes } from './codegen.ts';
import { persistedManifest, readOperations } from './operations.ts';

describe('persisted operations', () => {
  it('are keyed by the sha256 of their exact text, one per .graphql file', () => {
    const ops = readOperations();
    expect(ops.map((o) => o.name)).toEqual(['AtRisk', 'Grassroots', 'Hamlets', 'Progress', 'Trend']);
    const manifest = JSON.parse(persistedManifest(ops)) as Record<string, string>;
    for (const [id, text] of Object.entries(manifest)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(id);
    }
  });

  it('generated.ts is up to date with the operations and the schema (run `pnpm codegen`)', () => {
    const committed = readFileSync(new URL('../src/operations/generated.ts', import.meta.url), 'utf8');
    expect(generateTypes()).toBe(committed);
  });

  it('types each result from the schema: nullable fields, @include as optional, enums as unions', () => {
    const types = generateTypes().replace(/\s+/g, ' ').replace(/;? \}/g, ' }');
    expect(types).toContain("export type PaceStatus = 'ACHIEVED' | 'BEHIND' | 'ON_TRACK';");
    expect(types).toMatch(/quotaProgress: \{ target: number; [^}]*status: PaceStatus;[^}]*\} \| null/);
    expect(types).toMatch(/recoveredCells\?: Array<\{ cell: \{ id: string \}; admitted: number \}>/);
    expect(types).toContain('export type GrassrootsVariables = { org: string; asOf?: string | null };');
  });
});
