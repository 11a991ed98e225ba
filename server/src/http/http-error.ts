// An error that is the caller's: the listener answers it with its status and message.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** decodeURIComponent, or a 400 for a malformed escape such as `%E0%A4%A` or a lone `%`. */
export function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new HttpError(400, 'Malformed URL: a % escape is not valid UTF-8');
  }
}
