// The admin page's one request: importSpreadsheet with the file as an upload, as the GraphQL
// multipart request specification says (an `operations` part with the file's variable null, a `map`
// naming where the file goes, then the file), with the token the page was given.

export const KINDS = {
  MEMBERS: { label: 'Đảng viên', template: 'members' },
  CANDIDATES: { label: 'Quần chúng ưu tú (người vào Đảng)', template: 'candidates' },
  ORGANISATIONS: { label: 'Tổ chức đảng', template: 'organisations' },
  QUOTAS: { label: 'Chỉ tiêu kết nạp', template: 'quotas' },
} as const;
export type Kind = keyof typeof KINDS;

export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  code: string;
  messageVi: string;
}

export interface ImportReport {
  file: string;
  rowsRead: number;
  valid: number;
  refused: number;
  new: number;
  changed: number;
  unchanged: number;
  skipped: number;
  committed: boolean;
  errors: ImportError[];
}

const MUTATION = `mutation ImportSpreadsheet($kind: ImportKind!, $file: File!, $commit: Boolean!) {
  importSpreadsheet(kind: $kind, file: $file, commit: $commit) {
    file rowsRead valid refused new changed unchanged skipped committed
    errors { sheet row column code messageVi }
  }
}`;

/** Sends the file; answers the report, or throws with the server's message (a refused token, a bad file). */
export async function importSpreadsheet(options: {
  token: string;
  kind: Kind;
  file: File;
  commit: boolean;
}): Promise<ImportReport> {
  const body = new FormData();
  const variables = { kind: options.kind, file: null, commit: options.commit };
  body.append('operations', JSON.stringify({ query: MUTATION, variables }));
  body.append('map', JSON.stringify({ 0: ['variables.file'] }));
  body.append('0', options.file, options.file.name);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, accept: 'application/graphql-response+json' },
    body,
  });
  const result = (await response.json().catch(() => ({}))) as {
    data?: { importSpreadsheet?: ImportReport | null };
    errors?: { message: string }[];
  };
  const report = result.data?.importSpreadsheet;
  if (report) return report;
  throw new Error(result.errors?.[0]?.message ?? `Máy chủ trả lời ${response.status}`);
}
