// An error with an HTTP status and a reason in English and Thai, turned into a reply by the error handler.
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly messageTh: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, whatTh: string) => new HttpError(404, `${what} not found`, `ไม่พบ${whatTh}`);
