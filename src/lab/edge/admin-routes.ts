import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LabError } from '../lab-error';
import { readBody } from './read-body';
import { isLoopbackPeer } from './request-guard';
import type { AdminHandler } from './types';

/** Where lab-only routes live; AWS never uses this path, so it cannot clash with a service call. */
export const ADMIN_PREFIX = '/_lab/';
/** The header that carries the lab's secret key on admin calls (`npm run lab -- fault` sends it). */
export const ADMIN_KEY_HEADER = 'x-lab-admin-key';
const ADMIN_BODY_LIMIT = 1024 * 1024;

export interface AdminReply {
  status: number;
  body: unknown;
}

export interface AdminContext {
  admin: Record<string, AdminHandler>;
  /** What ADMIN_KEY_HEADER must hold: the lab's secret access key. */
  adminKey: string;
  health: () => unknown;
}

/**
 * Answers `/_lab/<name>`: `GET /_lab/health`, and `POST` JSON to the named admin handler with the lab's
 * secret key in ADMIN_KEY_HEADER. Errors are JSON `{ error: { code, message } }` with an HTTP status; a
 * LabError keeps its code and status.
 */
export async function answerAdmin(
  req: IncomingMessage,
  name: string,
  ctx: AdminContext,
): Promise<AdminReply> {
  try {
    if (!isLoopbackPeer(req.socket.remoteAddress)) {
      throw new LabError('Forbidden', 'Lab administration is only served to this machine.', 403);
    }
    if (name === 'health' && (req.method === 'GET' || req.method === 'HEAD')) {
      return { status: 200, body: ctx.health() };
    }
    if (req.method !== 'POST') {
      throw new LabError('MethodNotAllowed', `Use POST with a JSON body for ${ADMIN_PREFIX}${name}.`, 405);
    }
    // A JSON content type cannot be sent by a plain HTML form, so browsers must preflight it (and the
    // edge answers no preflight): one more wall between web pages and the admin routes.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new LabError('UnsupportedMediaType', 'Send the body as Content-Type: application/json.', 415);
    }
    // Faults stop instances and rotate secrets: only whoever can read the lab's key file may ask. A web
    // page cannot know the key, and cannot send a custom header cross-site without a preflight.
    if (!sameKey(req.headers[ADMIN_KEY_HEADER], ctx.adminKey)) {
      throw new LabError(
        'AccessDenied',
        `Lab administration needs the lab's secret access key in the ${ADMIN_KEY_HEADER} header.`,
        403,
      );
    }
    const handler = Object.hasOwn(ctx.admin, name) ? ctx.admin[name] : undefined;
    if (!handler) {
      const known = Object.keys(ctx.admin).sort().join(', ') || 'none';
      throw new LabError('NotFound', `No lab admin route '${name}'. Known: health, ${known}.`, 404);
    }
    const body = await readBody(req, ADMIN_BODY_LIMIT);
    const result = await handler(parseJson(body));
    return { status: 200, body: result ?? {} };
  } catch (error) {
    return adminError(error);
  }
}

function sameKey(sent: string | string[] | undefined, key: string): boolean {
  if (typeof sent !== 'string') return false;
  const left = Buffer.from(sent, 'utf8');
  const right = Buffer.from(key, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new LabError('BadRequest', 'The body is not valid JSON.');
  }
}

function adminError(error: unknown): AdminReply {
  if (error instanceof LabError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  // Admin routes are loopback-only and lab-only, so the handler's own message helps more than it risks.
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: { code: 'InternalError', message } } };
}
