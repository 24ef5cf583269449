import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { EventHub } from '../events';

export interface MfaPrompterOptions {
  events: Pick<EventHub, 'emit'>;
  /** How long the user has to type a code; a TOTP code lives 30 s, two minutes leaves time to find the device. */
  timeoutMs?: number;
  newId?: () => string;
  now?: () => number;
}

interface Pending {
  resolve(code: string): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Asks the renderer for MFA codes on behalf of the SDK's `mfaCodeProvider`: pushes `aws.mfaPrompt`
 * and waits for `aws.answerMfa` with the same request id, or fails the waiting call after a timeout.
 */
export class MfaPrompter {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly opts: MfaPrompterOptions) {}

  ask(profile: string, serialNumber: string): Promise<string> {
    const requestId = (this.opts.newId ?? randomUUID)();
    const timeoutMs = this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const expiresAt = new Date((this.opts.now ?? Date.now)() + timeoutMs).toISOString();
    const answer = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new AppError('TIMEOUT', `No MFA code for profile ${profile} was entered in time.`));
      }, timeoutMs);
      // A prompt nobody answers must not keep the app (or a test run) alive.
      timer.unref();
      this.pending.set(requestId, { resolve, reject, timer });
    });
    this.opts.events.emit('aws.mfaPrompt', { requestId, profile, serialNumber, expiresAt });
    return answer;
  }

  /** A code resolves the prompt; no code cancels it. Unknown or expired ids are NOT_FOUND. */
  answer(requestId: string, code: string | undefined): void {
    const pending = this.pending.get(requestId);
    if (!pending) {
      throw new AppError('NOT_FOUND', 'This MFA prompt has expired or was already answered.');
    }
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    if (code === undefined) pending.reject(new AppError('CANCELLED', 'MFA code entry was cancelled.'));
    else pending.resolve(code);
  }

  /** Fails every open prompt, when the app shuts down. */
  cancelAll(): void {
    for (const requestId of [...this.pending.keys()]) this.answer(requestId, undefined);
  }
}
