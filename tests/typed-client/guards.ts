// What the typed path refuses at compile time (`pnpm typecheck` fails if any line below compiles).
import { Admissions, ask } from './example.ts';
import { graphql, type ResultOf } from './graphql.ts';

const Misspelt = graphql(`query Misspelt { organisation(code: "thanh-chuong") { nmae } }`);
declare const misspelt: ResultOf<typeof Misspelt>;
// @ts-expect-error `nmae` is not a field of Organisation: its value is unknown and cannot be used.
misspelt.organisation?.nmae.length;

export const wrongVariable = () =>
  // @ts-expect-error `code` is a String!, not a number.
  ask('http://localhost:4000', Admissions, { code: 42, from: '2017-01-01', to: '2017-07-31' });
