import { randomUUID } from 'node:crypto';
import { LabError } from '../lab-error';
import type { LabResponse, ServiceHandler } from './types';

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const VERSION = '2011-06-15';

/** The one principal of the lab: every key is accepted and belongs to it. */
export const LAB_IDENTITY = {
  account: '000000000000',
  arn: 'arn:aws:iam::000000000000:user/lab',
  userId: 'AIDALOCALLABUSER00001',
} as const;

export interface StsHandlerOptions {
  newRequestId?: () => string;
}

/**
 * A minimal STS on the Query protocol, so "who am I" works against the lab as against AWS:
 * GetCallerIdentity answers the lab's fixed identity; any other action is AWS's InvalidAction.
 */
export function createStsHandler(opts: StsHandlerOptions = {}): ServiceHandler {
  const newRequestId = opts.newRequestId ?? randomUUID;
  return async (req) => {
    // Query protocol: parameters in the form body or, for GET, the query string.
    const params = new URLSearchParams(req.body.toString('utf8'));
    for (const [key, value] of new URL(req.url, 'http://lab.invalid').searchParams) {
      if (!params.has(key)) params.set(key, value);
    }
    const action = params.get('Action');
    if (!action) throw new LabError('MissingAction', 'Request is missing the Action parameter.');
    if (action !== 'GetCallerIdentity') {
      throw new LabError('InvalidAction', `Could not find operation ${action} for version ${VERSION}`);
    }
    return identityResponse(newRequestId());
  };
}

function identityResponse(requestId: string): LabResponse {
  const body =
    `<GetCallerIdentityResponse xmlns="${STS_XMLNS}">` +
    `<GetCallerIdentityResult><Arn>${LAB_IDENTITY.arn}</Arn><UserId>${LAB_IDENTITY.userId}</UserId>` +
    `<Account>${LAB_IDENTITY.account}</Account></GetCallerIdentityResult>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</GetCallerIdentityResponse>\n`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}
