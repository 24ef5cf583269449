/** The edge's port is taken; the message says which flag picks another one. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  readonly code = 'EADDRINUSE';

  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `Port ${port} on ${host} is already in use (another lab, LocalStack or a second copy of the app?). ` +
        `Start the lab on another port with --port <number>, or --port 0 to pick a free one.`,
    );
  }
}
