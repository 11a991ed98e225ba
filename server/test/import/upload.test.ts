// importSpreadsheet over real HTTP with a real multipart body (the GraphQL multipart request spec):
// a preview writes nothing, a commit writes, an editor is held to its subtree, a viewer and an
// anonymous caller are refused, a file that is not a spreadsheet is named as the bad argument, and
// one named .xlsx that is no workbook is reported as unreadable.
import { describe, expect } from 'vitest';
import { prisma } from '../../src/db.ts';
import { fingerprint } from '../fixture.ts';
import { servedHandler } from '../http-support.ts';
import { engines, miniWorldSuite } from '../writes-support.ts';

const MUTATION = `mutation($kind: ImportKind!, $file: File!, $commit: Boolean!) {
  importSpreadsheet(kind: $kind, file: $file, commit: $commit) {
    kind file rowsRead new changed unchanged refused committed errors { sheet row column code messageEn }
  } }`;
const QUOTAS = 'Mã tổ chức,Từ ngày,Đến ngày,Chỉ tiêu\r\nthanh-hoa-xom-3,01/01/2019,31/12/2019,2\r\n';

describe.each(engines)('importSpreadsheet over HTTP on %s', async (engine) => {
  const { world, available, test } = await miniWorldSuite(engine);
  const served = servedHandler(available);

  /** A multipart request as the spec lays it out: operations, map, then the file part. */
  const upload = async (
    content: string,
    options: { token?: string; commit?: boolean; name?: string; kind?: string },
  ) => {
    const body = new FormData();
    const variables = { kind: options.kind ?? 'QUOTAS', file: null, commit: options.commit ?? false };
    body.set('operations', JSON.stringify({ query: MUTATION, variables }));
    body.set('map', JSON.stringify({ 0: ['variables.file'] }));
    body.set('0', new File([content], options.name ?? 'chi-tieu-2019.csv', { type: 'text/csv' }));
    const response = await fetch(`${served.base}/graphql`, {
      method: 'POST',
      body,
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  };

  test('a preview, then a commit, by an editor inside its subtree', async () => {
    const before = await fingerprint();
    const preview = await upload(QUOTAS, { token: world.tokens.hoa });
    expect(preview.errors).toBeUndefined();
    expect(preview.data.importSpreadsheet).toEqual({
      kind: 'QUOTAS',
      file: 'chi-tieu-2019.csv',
      rowsRead: 1,
      new: 1,
      changed: 0,
      unchanged: 0,
      refused: 0,
      committed: false,
      errors: [],
    });
    expect(await fingerprint()).toBe(before);
    const committed = await upload(QUOTAS, { token: world.tokens.hoa, commit: true });
    expect(committed.data.importSpreadsheet).toMatchObject({ new: 1, committed: true });
    expect(await prisma().quota.count({ where: { organisationId: 4, periodFrom: '2019-01-01' } })).toBe(1);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: 'importQuotas' } });
    expect(audit.actorName).toBe('editor thanh-hoa');
    expect(JSON.parse(audit.after!)).toMatchObject({ file: 'chi-tieu-2019.csv', new: 1 });
  });

  test('outside the subtree by row; viewers, anonymous callers and non-spreadsheets refused', async () => {
    const before = await fingerprint();
    const outside = await upload(QUOTAS, { token: world.tokens.duc, commit: true });
    expect(outside.data.importSpreadsheet).toMatchObject({ committed: false, refused: 1 });
    expect(outside.data.importSpreadsheet.errors).toEqual([
      expect.objectContaining({ sheet: 'CSV', row: 2, column: 'Mã tổ chức', code: 'IMPORT_OUTSIDE_SCOPE' }),
    ]);
    const viewer = await upload(QUOTAS, { token: world.tokens.viewer, commit: true });
    expect(viewer.data?.importSpreadsheet ?? null).toBeNull();
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Without a token a multipart body is what a cross-site form could send: refused before GraphQL.
    const anonymous = await upload(QUOTAS, { commit: true });
    expect(anonymous).toMatchObject({ status: 415, errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    const pdf = await upload('%PDF-1.4', { token: world.tokens.admin, name: 'chi-tieu.pdf' });
    expect(pdf.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'file' } });
    // A spreadsheet's name on what is not one (an old .xls renamed): the report says so, at once.
    const renamed = await upload('\u00d0\u00cf\u0011\u00e0 an old workbook', {
      token: world.tokens.admin,
      name: 'chi-tieu.xlsx',
      commit: true,
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.importSpreadsheet).toMatchObject({
      committed: false,
      errors: [{ row: 0, code: 'IMPORT_FILE_UNREADABLE', messageEn: expect.stringContaining('not an .xlsx') }],
    });
    expect(await fingerprint()).toBe(before);
  });
});
