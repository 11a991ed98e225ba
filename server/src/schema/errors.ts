// What every mutation shares: the Mutation type, the ValidationError result (a broken rule, with
// its code, the input field at fault and the message in the caller's language), and global IDs.
import type { Context } from '../context.ts';
import { ValidationFailure } from '../domain/write.ts';
import { messageTemplates, type Violation, type ViolationCode, violationCodes } from '../rules/violations.ts';
import { builder } from './builder.ts';
import { decodeGlobalId } from './global-ids.ts';

builder.mutationType({ description: 'Writes: each runs in one transaction and records an audit event.' });

/** Vietnamese unless the request's Accept-Language prefers English. */
export function languageOf(ctx: Context): 'vi' | 'en' {
  const header = (ctx as Context & { request?: Request }).request?.headers.get('accept-language') ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** Every code of rules/violations.ts, described by its English message (`{part}`: a part filled in). */
export const ViolationCodeEnum = builder.enumType('ViolationCode', {
  description: 'Why a write was refused: a stable code. Each value’s description is its English message.',
  values: Object.fromEntries(
    violationCodes.map((code) => [code, { description: messageTemplates(code).en }]),
  ) as Record<ViolationCode, { description: string }>,
});

const ViolationRef = builder.objectRef<Violation>('Violation').implement({
  description: 'One broken rule.',
  fields: (t) => ({
    code: t.expose('code', { type: ViolationCodeEnum, description: 'Which rule was broken.' }),
    field: t.exposeString('field', { description: 'The input field at fault.' }),
    message: t.string({
      description: 'In the language of Accept-Language: Vietnamese by default, English on request.',
      resolve: (v, _args, ctx) => (languageOf(ctx) === 'en' ? v.messageEn : v.messageVi),
    }),
    messageVi: t.exposeString('messageVi', { description: 'The message in Vietnamese.' }),
    messageEn: t.exposeString('messageEn', { description: 'The message in English.' }),
  }),
});

builder.objectType(ValidationFailure, {
  name: 'ValidationError',
  description:
    'The write broke a rule and wrote nothing. `code`, `field` and `message` describe the first broken rule.',
  fields: (t) => ({
    code: t.field({
      type: ViolationCodeEnum,
      description: 'Which rule was broken first.',
      resolve: (e) => e.violations[0].code,
    }),
    field: t.string({
      description: 'The input field at fault, e.g. "votesFor" or "introducers".',
      resolve: (e) => e.violations[0].field,
    }),
    message: t.string({
      description: 'In the language of Accept-Language: Vietnamese by default, English on request.',
      resolve: (e, _args, ctx) => (languageOf(ctx) === 'en' ? e.violations[0].messageEn : e.violations[0].messageVi),
    }),
    messageVi: t.string({ description: 'The message in Vietnamese.', resolve: (e) => e.violations[0].messageVi }),
    messageEn: t.string({ description: 'The message in English.', resolve: (e) => e.violations[0].messageEn }),
    violations: t.field({
      type: [ViolationRef],
      description: 'The broken rules found (often just one), the first one first.',
      resolve: (e) => e.violations,
    }),
  }),
});

/** The numeric id inside a Relay global ID of `typename`; -1 (nothing) for another type or garbage. */
export function idOf(globalId: string | number, typename: string): number {
  try {
    const { typename: found, id } = decodeGlobalId(String(globalId));
    return found === typename && id !== '0' ? Number(id) : -1;
  } catch {
    return -1;
  }
}

/** A mutation's result: `<Name>Success { data }` or a ValidationError. */
export const writeErrors = (name: string) => ({
  types: [ValidationFailure],
  result: { name: `${name}Success` },
  union: { name: `${name}Result` },
});

/** A scope map that passes when the caller writes in every one of `ids` (scope-auth `$all`). */
export function writesInAll(ids: number[]): any {
  const [first = -1, ...rest] = ids;
  return rest.length === 0 ? { writesIn: first } : { $all: { writesIn: first, $all: writesInAll(rest) } };
}
