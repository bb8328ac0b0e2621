/** An HTTP error with a UI text key; the error handler renders it as a page or as API JSON. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    /** UI text key (src/web/texts) for pages; the API uses `message`. */
    readonly textKey: string,
    message?: string,
    readonly field?: string,
  ) {
    super(message ?? textKey);
  }
}

/** The same answer whether a record does not exist or belongs to another organisation. */
export const notFound = (): HttpError => new HttpError(404, 'error.notFound', 'not found');
export const forbidden = (): HttpError => new HttpError(403, 'error.forbidden', 'your role does not allow this');
