// Every public type, field, argument, input field and enum value carries a description, so that
// a frontend developer can use the API from GraphiQL's docs without reading the code.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';

/** The coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) that lack a description. */
function undescribed(): string[] {
  const missing: string[] = [];
  const need = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    if (isEnumType(type)) for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
  }
  return missing.sort();
}

describe('descriptions', () => {
  it('describe every public type, field, argument, input field and enum value', () => {
    const missing = undescribed();
    expect(missing).toEqual([]);
  });
});
