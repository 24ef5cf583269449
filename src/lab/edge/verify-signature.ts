import { timingSafeEqual } from 'node:crypto';
import { LabError } from '../lab-error';
import type { LabCredentials } from '../lab-credentials';
import type { SignatureClaim } from './credential-scope';
import {
  canonicalRequest,
  scopeOf,
  sha256Hex,
  signature as computeSignature,
  stringToSign,
  type WireRequest,
} from './sigv4';

export interface ReceivedRequest extends WireRequest {
  body: Buffer;
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS ' +
  'Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * Recomputes the request's SigV4 signature with the lab's secret key and compares it in constant time.
 * Only the lab's own key id is known; the request time is never compared with the clock, so a skewed
 * clock does not break a local lab. Throws what AWS answers: UnrecognizedClientException for an
 * unknown key, InvalidSignatureException for a wrong signature (wire-errors.ts renders the Query
 * protocol's InvalidClientTokenId and SignatureDoesNotMatch).
 */
export function verifySignature(
  req: ReceivedRequest,
  claim: SignatureClaim,
  credentials: LabCredentials,
): void {
  if (!sameText(claim.accessKeyId, credentials.accessKeyId)) {
    throw new LabError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (!claim.signedHeaders.includes('host')) {
    throw new LabError(
      'InvalidSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  const canonical = canonicalRequest(req, {
    signedHeaders: claim.signedHeaders,
    payloadHash: payloadHash(req),
    omitQuery: claim.presigned ? ['X-Amz-Signature'] : [],
  });
  const scope = scopeOf(claim.date, claim.region, claim.service);
  const toSign = stringToSign(claim.amzDate, scope, canonical);
  const expected = computeSignature(
    credentials.secretAccessKey,
    claim.date,
    claim.region,
    claim.service,
    toSign,
  );
  if (!sameText(claim.signature.toLowerCase(), expected)) {
    // As AWS does for these services: what the server signed, so a hand-written client can find its slip.
    throw new LabError(
      'InvalidSignatureException',
      `${MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\n` +
        `The String-to-Sign should have been\n'${toSign}'\n`,
    );
  }
}

/**
 * The body's SHA-256, or the `x-amz-content-sha256` the client declared: then it must be the body's
 * (or UNSIGNED-PAYLOAD), so a declared hash never lets an unsigned body through unnoticed.
 */
function payloadHash(req: ReceivedRequest): string {
  const actual = sha256Hex(req.body);
  const declared = req.headers['x-amz-content-sha256']?.[0];
  if (declared === undefined) return actual;
  if (declared !== UNSIGNED_PAYLOAD && declared.toLowerCase() !== actual) {
    throw new LabError(
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  return declared;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
