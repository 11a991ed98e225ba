// The codes a refused write reports are one list, the keys of the messages table
// (rules/violations.ts): GraphQL lists them as the enum ViolationCode, which clients discover by
// introspection, and each has its message in Vietnamese and in English.
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { messageTemplates, type ViolationCode, violationCodes } from '../src/rules/violations.ts';
import { schema } from '../src/schema/index.ts';

const introspection = `{
  codes: __type(name: "ViolationCode") { enumValues { name description } }
  error: __type(name: "ValidationError") { fields { name type { ofType { name } } } }
  violation: __type(name: "Violation") { fields { name type { ofType { name } } } }
}`;

type Field = { name: string; type: { ofType: { name: string } | null } };

describe('violation codes', () => {
  it('are the enum ViolationCode, which ValidationError.code and Violation.code use', async () => {
    const { data, errors } = await graphql({ schema, source: introspection });
    expect(errors).toBeUndefined();
    const { codes, error, violation } = data as {
      codes: { enumValues: { name: string; description: string }[] };
      error: { fields: Field[] };
      violation: { fields: Field[] };
    };
    expect(codes.enumValues.map((v) => v.name).sort()).toEqual([...violationCodes].sort());
    for (const { name, description } of codes.enumValues) {
      expect(description).toBe(messageTemplates(name as ViolationCode).en);
    }
    const codeOf = (type: { fields: Field[] }) => type.fields.find((f) => f.name === 'code')?.type.ofType?.name;
    expect(codeOf(error)).toBe('ViolationCode');
    expect(codeOf(violation)).toBe('ViolationCode');
  });

  it.each(violationCodes)('%s has a Vietnamese and an English message with the same parts', (code) => {
    const { vi, en } = messageTemplates(code);
    expect(vi.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(vi).not.toBe(en);
    const parts = (message: string) => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();
    expect(parts(vi)).toEqual(parts(en));
  });
});
