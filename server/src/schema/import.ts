// importSpreadsheet: a spreadsheet uploaded as the GraphQL multipart request spec says (yoga reads
// it natively: the `File` scalar is a WHATWG File), checked whole and, with `commit`, written all
// or nothing by the same import as `ketnap import` (server/src/import/). Editors import inside
// their subtree (rows outside it are refused by row), admins anywhere; viewers and anonymous
// callers not at all.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import { KINDS } from '../import/kinds.ts';
import { IMPORT_KINDS, type ImportError, type ImportKind, type ImportReport } from '../import/report.ts';
import { builder } from './builder.ts';
import { ViolationCodeEnum } from './errors.ts';

/** The largest file taken: a 100,000-row roster saved as .xlsx is about 6 MB, as .csv about 12 MB. */
const MAX_BYTES = 64 * 1024 * 1024;

builder.scalarType('File', {
  description: 'A file uploaded in a multipart request (the GraphQL multipart request specification).',
  serialize: () => {
    throw new GraphQLError('A File is only ever an input');
  },
  // Yoga hands over its fetch implementation's File, not Node's global one: recognised by shape.
  parseValue: (value) => {
    const file = value as File | null;
    if (typeof file?.name !== 'string' || typeof file.stream !== 'function' || typeof file.size !== 'number')
      throw new GraphQLError('Expected a file uploaded in a multipart request');
    return file;
  },
});

const ImportKindEnum = builder.enumType('ImportKind', {
  description: 'What a spreadsheet holds (ketnap template KIND writes its template).',
  values: Object.fromEntries(
    IMPORT_KINDS.map((k) => [k.toUpperCase(), { value: k, description: `A ${k} list.` }]),
  ) as Record<string, { value: ImportKind; description: string }>,
});

const ImportErrorRef = builder.objectRef<ImportError>('ImportError').implement({
  description: 'A refused row (or, at the header row, the file as a whole): where, which column, why.',
  fields: (t) => ({
    sheet: t.exposeString('sheet', { description: 'The worksheet ("CSV" for a CSV file).' }),
    row: t.exposeInt('row', { description: 'The row number as the spreadsheet shows it (0: the file).' }),
    column: t.exposeString('column', { description: 'The column as the file names it ("" for the file).' }),
    code: t.field({ type: ViolationCodeEnum, description: 'The rule broken.', resolve: (e) => e.code }),
    messageVi: t.exposeString('messageVi', { description: 'What is wrong, in Vietnamese.' }),
    messageEn: t.exposeString('messageEn', { description: 'What is wrong, in English.' }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description: 'What an import found, and whether it wrote it.',
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, description: 'What the file holds.', resolve: (r) => r.kind }),
    file: t.exposeString('file', { description: 'The name of the file uploaded.' }),
    sha256: t.exposeString('sha256', { description: 'The SHA-256 of the file, as the audit trail names it.' }),
    rowsRead: t.exposeInt('rowsRead', { description: 'Data rows read (empty rows and template rows aside).' }),
    valid: t.exposeInt('valid', { description: 'Rows that passed every check.' }),
    refused: t.exposeInt('refused', { description: 'Rows refused; any refusal means nothing is written.' }),
    new: t.exposeInt('new', { description: 'Rows naming nothing recorded yet.' }),
    changed: t.exposeInt('changed', { description: 'Rows changing something recorded.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Rows saying what is already recorded.' }),
    skipped: t.exposeInt('skipped', { description: "The template's guidance and example rows, left in." }),
    errors: t.field({
      type: [ImportErrorRef],
      description: 'Every refusal, file first, then rows in order.',
      resolve: (r) => r.errors,
    }),
    committed: t.exposeBoolean('committed', { description: 'Whether the rows were written (never partly).' }),
  }),
});

builder.mutationField('importSpreadsheet', (t) =>
  t.field({
    type: ImportReportRef,
    description:
      'Checks a spreadsheet (.xlsx or .csv) whole; with commit, writes it in one transaction, nothing if a row is ' +
      'refused. Re-importing a file changes nothing. Editors: inside their subtree; admins: anywhere.',
    args: {
      kind: t.arg({ type: ImportKindEnum, required: true, description: 'What the file holds.' }),
      file: t.arg({ type: 'File', required: true, description: 'The spreadsheet, uploaded as a multipart part.' }),
      commit: t.arg.boolean({ required: true, description: 'false: a preview, nothing written; true: write it.' }),
    },
    authScopes: { role: ['ADMIN', 'EDITOR'] },
    resolve: async (_root, args, ctx) => {
      const ext = extname(args.file.name).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.csv')
        throw new GraphQLError('Upload a .xlsx or .csv file (save an old .xls as .xlsx first)', {
          extensions: { code: 'BAD_USER_INPUT', argument: 'file' },
        });
      if (args.file.size > MAX_BYTES)
        throw new GraphQLError(`The file is larger than ${MAX_BYTES / 1024 / 1024} MB`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'file' },
        });
      const path = join(tmpdir(), `ketnap-upload-${randomUUID()}${ext}`);
      try {
        // Yoga's File's stream is its fetch implementation's, async-iterable like the standard one.
        await pipeline(
          Readable.from(args.file.stream() as unknown as AsyncIterable<Uint8Array>),
          createWriteStream(path),
        );
        const input = { file: path, name: args.file.name, commit: args.commit };
        return await KINDS[args.kind].run({ actor: ctx.actor!, input });
      } finally {
        await rm(path, { force: true });
      }
    },
  }),
);
