// API tokens: a random secret shown once, stored as its sha256, resolved to an actor per request.
import { createHash, randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Actor, Role } from '../context.ts';
import { prisma } from '../db.ts';

const PREFIX = 'ktn_';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface CreatedToken {
  id: number;
  secret: string;
}

export async function createToken(options: {
  name: string;
  role: Role;
  organisationCode?: string | undefined;
  expiresAt?: Date | undefined;
}): Promise<CreatedToken> {
  if (!options.name.trim()) throw new Error('--name: a token needs a name (who or what uses it)');
  let organisationId: number | null = null;
  if (options.organisationCode && options.role === 'ADMIN') {
    throw new Error('--org: an admin token reaches everything; give an editor or viewer token an organisation');
  }
  if (options.organisationCode) {
    const org = await prisma().organisation.findUnique({ where: { code: options.organisationCode } });
    if (!org) throw new Error(`--org: no organisation has the code "${options.organisationCode}"`);
    organisationId = org.id;
  } else if (options.role !== 'ADMIN') {
    throw new Error('--org: editor and viewer tokens are scoped to an organisation');
  }
  const secret = PREFIX + randomBytes(24).toString('base64url');
  const token = await prisma().apiToken.create({
    data: {
      name: options.name.trim(),
      role: options.role,
      organisationId,
      hash: hashSecret(secret),
      expiresAt: options.expiresAt ?? null,
    },
  });
  return { id: token.id, secret };
}

/** The actor behind `Authorization: Bearer …`; null without the header; an error for a bad token. */
export async function authenticate(request: Request): Promise<Actor | null> {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const unauthorised = (why: string) =>
    new GraphQLError(why, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  if (!match?.[1]) throw unauthorised('The Authorization header must be "Bearer <token>"');
  const token = await prisma().apiToken.findUnique({ where: { hash: hashSecret(match[1]) } });
  if (!token || token.revokedAt) throw unauthorised('This token is unknown or revoked');
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) throw unauthorised('This token has expired');
  return { tokenId: token.id, name: token.name, role: token.role, organisationId: token.organisationId };
}

/** The id of the valid token a request carries, or null (no token, or an invalid one). */
export async function tokenIdOf(req: { headers: { authorization?: string | undefined } }): Promise<number | null> {
  try {
    const actor = await authenticate({
      headers: { get: () => req.headers.authorization ?? null },
    } as unknown as Request);
    return actor?.tokenId ?? null;
  } catch {
    return null;
  }
}
