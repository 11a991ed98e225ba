// A PostgreSQL database of the bench's own for one measurement, at PG_TEST_URL's server or the
// local one; dropped afterwards. Answers the line the bench prints instead when the server cannot
// be reached.
export async function withScratchPostgres<T>(fn: (url: string) => Promise<T>): Promise<T | string> {
  const { default: pg } = await import('pg');
  const adminUrl = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  const reachable = await admin.connect().then(
    () => true,
    () => false,
  );
  if (!reachable) return `  postgres: skipped, unreachable at ${adminUrl}`;
  const name = `ketnap_bench_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
