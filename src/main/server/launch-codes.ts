import { randomBytes } from 'node:crypto';
import { sameSecret } from './access';

/** Long enough for a cold browser start, short enough that a code seen in a process list goes stale. */
export const LAUNCH_CODE_TTL_MS = 2 * 60_000;

export interface LaunchCodes {
  /** A fresh code, good once within the TTL. */
  issue(): string;
  /** True once per issued code within its TTL; the code is spent by this call either way. */
  redeem(code: string | undefined): boolean;
}

/**
 * One-time codes for the address given to the system browser. `xdg-open`/`open` put their argument
 * on a command line that every user of the machine can read, so that address carries a code the
 * server exchanges once for the token rather than the token itself.
 */
export function createLaunchCodes(now: () => number = Date.now): LaunchCodes {
  const issued = new Map<string, number>();
  const dropExpired = (): void => {
    for (const [code, expires] of issued) if (expires <= now()) issued.delete(code);
  };
  return {
    issue() {
      dropExpired();
      const code = randomBytes(24).toString('base64url');
      issued.set(code, now() + LAUNCH_CODE_TTL_MS);
      return code;
    },
    redeem(code) {
      dropExpired();
      for (const known of issued.keys()) {
        if (sameSecret(code, known)) {
          issued.delete(known);
          return true;
        }
      }
      return false;
    },
  };
}
