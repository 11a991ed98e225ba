// `ketnap token create|list|revoke`.
import { parseArgs } from 'node:util';
import { createToken } from '../auth/tokens.ts';
import type { Role } from '../context.ts';
import { useDatabase } from '../db.ts';

const ROLES: Record<string, Role> = { admin: 'ADMIN', editor: 'EDITOR', viewer: 'VIEWER' };

export async function tokenCommand(args: string[], databaseUrl: string): Promise<number> {
  const [sub, ...rest] = args;
  const { prisma } = useDatabase(databaseUrl);
  try {
    if (sub === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: {
          role: { type: 'string' },
          name: { type: 'string' },
          org: { type: 'string' },
          'expires-in-days': { type: 'string' },
        },
      });
      const role = ROLES[values.role ?? ''];
      if (!role) throw new Error('--role must be admin, editor or viewer');
      const days = values['expires-in-days'] === undefined ? undefined : Number(values['expires-in-days']);
      if (days !== undefined && !(Number.isInteger(days) && days > 0))
        throw new Error('--expires-in-days must be a whole number of days');
      const token = await createToken({
        name: values.name ?? '',
        role,
        organisationCode: values.org,
        expiresAt: days ? new Date(Date.now() + days * 86_400_000) : undefined,
      });
      process.stdout.write(`token ${token.id} created; its secret is shown only now:\n${token.secret}\n`);
      return 0;
    }
    if (sub === 'list') {
      const tokens = await prisma.apiToken.findMany({ include: { organisation: true }, orderBy: { id: 'asc' } });
      for (const t of tokens) {
        const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : 'active';
        process.stdout.write(`${t.id}\t${t.role.toLowerCase()}\t${t.organisation?.code ?? '*'}\t${state}\t${t.name}\n`);
      }
      return 0;
    }
    if (sub === 'revoke') {
      const { values } = parseArgs({ args: rest, options: { id: { type: 'string' } } });
      const id = Number(values.id);
      if (!Number.isInteger(id)) throw new Error('--id: give the number `ketnap token list` shows');
      const found = await prisma.apiToken.updateMany({
        where: { id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (found.count === 0) throw new Error(`--id: no active token ${id}`);
      process.stdout.write(`token ${id} revoked\n`);
      return 0;
    }
    throw new Error('token: use create, list or revoke');
  } finally {
    await prisma.$disconnect();
  }
}
