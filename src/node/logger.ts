export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A scoped logger to stderr. Callers never pass secrets, tokens or connection strings. */
export function createLogger(scope: string): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>): void => {
    if (process.env.RDX_LOG === 'silent') return;
    const extra = fields ? ` ${JSON.stringify(fields)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} [${scope}] ${message}${extra}\n`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
