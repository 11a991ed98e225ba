// The widgets' GraphQL operations: src/operations/*.graphql is the single source.
// From it come the persisted-operation manifest the server loads ({ sha256: text }) and
// src/operations/generated.ts (see codegen.ts), the typed ids the elements send.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type OperationDefinitionNode, parse } from 'graphql';

export const opsDir = fileURLToPath(new URL('../src/operations/', import.meta.url));

export interface Operation {
  name: string;
  text: string;
  id: string;
}

export function readOperations(): Operation[] {
  return readdirSync(opsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(opsDir + file, 'utf8');
      const id = createHash('sha256').update(text).digest('hex');
      const op = parse(text).definitions[0] as OperationDefinitionNode;
      if (!op.name) throw new Error(`${file}: the operation needs a name`);
      return { name: op.name.value, text, id };
    });
}

export function persistedManifest(ops = readOperations()): string {
  return `${JSON.stringify(Object.fromEntries(ops.map((o) => [o.id, o.text])), null, 2)}\n`;
}
