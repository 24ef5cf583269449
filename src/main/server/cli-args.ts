export interface ServeArgs {
  port: number;
  host: string;
  unsafeListen: boolean;
  open: boolean;
}

/** `--port N`, `--host H` (loopback unless `--unsafe-listen`), `--no-open`. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { port: 0, host: '127.0.0.1', unsafeListen: false, open: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535`);
      args.port = port;
    } else if (flag === '--host') args.host = value();
    else if (flag === '--unsafe-listen') args.unsafeListen = true;
    else if (flag === '--no-open') args.open = false;
    else throw new Error(`Unknown option: ${flag}`);
  }
  return args;
}
