// The printed schema (schema.graphql): the contract widgets and other teams build against.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.ts';

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
