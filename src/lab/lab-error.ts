/** An AWS-style error: the code the SDK turns into an exception class, and the HTTP status AWS uses. */
export class LabError extends Error {
  override readonly name = 'LabError';

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Query-protocol fault type: the caller's mistake (Sender) or the service's (Receiver). */
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}
