// The admin page's report link: the admissions report a board sends up (GET /export/report.xlsx),
// fetched with the page's token (a plain link cannot carry it) and handed to the browser as a
// download named as the server names it.

/** Fetches the report; throws with the server's message (a refused token, a bad period, an unknown code). */
export async function downloadReport(options: { token: string; org: string; period: string }): Promise<void> {
  const query = new URLSearchParams({ org: options.org, period: options.period });
  const response = await fetch(`/export/report.xlsx?${query}`, {
    headers: { authorization: `Bearer ${options.token}` },
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] };
    throw new Error(answer.errors?.[0]?.message ?? `Máy chủ trả lời ${response.status}`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ?? `admissions-${options.org}-${options.period}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
