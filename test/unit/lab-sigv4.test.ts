import { describe, expect, it } from 'vitest';
import { readCredentialScope } from '../../src/lab/edge/credential-scope';
import {
  canonicalRequest,
  scopeOf,
  sha256Hex,
  signature,
  stringToSign,
  type WireRequest,
} from '../../src/lab/edge/sigv4';
import { verifySignature } from '../../src/lab/edge/verify-signature';
import { LabError } from '../../src/lab/lab-error';
import { newLabCredentials } from '../../src/lab/lab-credentials';

// AWS's published SigV4 test suite (aws-sig-v4-test-suite): its example key, scope and time.
// gitleaks:allow: the suite's published example key, not a credential.
const SUITE_KEYS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const AMZ_DATE = '20150830T123600Z';
const HOST = 'example.amazonaws.com';

interface SuiteCase {
  name: string;
  method: string;
  target: string;
  headers?: [string, string][];
  body?: string;
  signature: string;
  canonical?: string;
}

// Each case: the request as the suite's .req file gives it and the signature of its .authz file.
const CASES: SuiteCase[] = [
  {
    name: 'get-vanilla',
    method: 'GET',
    target: '/',
    signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    canonical: `GET\n/\n\nhost:${HOST}\nx-amz-date:${AMZ_DATE}\n\nhost;x-amz-date\n${sha256Hex('')}`,
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET',
    target: '/?Param2=value2&Param1=value1',
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
  },
  {
    name: 'get-vanilla-query-order-value',
    method: 'GET',
    target: '/?Param1=value2&Param1=value1',
    signature: '5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694',
  },
  {
    name: 'get-vanilla-query-unreserved',
    method: 'GET',
    target:
      '/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    signature: '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197',
  },
  {
    name: 'get-unreserved',
    method: 'GET',
    target: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
  },
  {
    name: 'get-utf8',
    method: 'GET',
    target: '/ሴ',
    signature: '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85',
    canonical: `GET\n/%E1%88%B4\n\nhost:${HOST}\nx-amz-date:${AMZ_DATE}\n\nhost;x-amz-date\n${sha256Hex('')}`,
  },
  {
    name: 'get-header-key-duplicate',
    method: 'GET',
    target: '/',
    headers: [
      ['My-Header1', 'value2'],
      ['My-Header1', 'value2'],
      ['My-Header1', 'value1'],
    ],
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
  },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    target: '/',
    headers: [
      ['My-Header1', ' value1'],
      ['My-Header2', ' "a   b   c"'],
    ],
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  {
    name: 'post-vanilla',
    method: 'POST',
    target: '/',
    signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
  },
  {
    name: 'post-vanilla-query',
    method: 'POST',
    target: '/?Param1=value1',
    signature: '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11',
  },
  {
    name: 'post-x-www-form-urlencoded',
    method: 'POST',
    target: '/',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body: 'Param1=value1',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
];

function wireOf(c: SuiteCase): WireRequest & { body: Buffer } {
  const headers: Record<string, string[]> = { host: [HOST] };
  for (const [name, value] of c.headers ?? []) (headers[name.toLowerCase()] ??= []).push(value);
  headers['x-amz-date'] = [AMZ_DATE];
  const [path = '/', query = ''] = c.target.split('?', 2);
  return { method: c.method, path, query, headers, body: Buffer.from(c.body ?? '') };
}

function signedNames(c: SuiteCase): string[] {
  return Object.keys(wireOf(c).headers).sort();
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof LabError ? error.code : `not a LabError: ${String(error)}`;
  }
  return undefined;
}

describe('SigV4 against the AWS test suite', () => {
  for (const c of CASES) {
    it(`computes ${c.name}`, () => {
      const req = wireOf(c);
      const canonical = canonicalRequest(req, {
        signedHeaders: signedNames(c),
        payloadHash: sha256Hex(req.body),
      });
      if (c.canonical) expect(canonical).toBe(c.canonical);
      const toSign = stringToSign(AMZ_DATE, scopeOf('20150830', 'us-east-1', 'service'), canonical);
      expect(signature(SUITE_KEYS.secretAccessKey, '20150830', 'us-east-1', 'service', toSign)).toBe(
        c.signature,
      );
    });
  }
});

describe('verifySignature', () => {
  const vanilla = CASES[0]!;
  const authorization = (sig: string, keyId = SUITE_KEYS.accessKeyId): string =>
    `AWS4-HMAC-SHA256 Credential=${keyId}/20150830/us-east-1/service/aws4_request, ` +
    `SignedHeaders=host;x-amz-date, Signature=${sig}`;
  const claim = (sig: string, keyId?: string) =>
    readCredentialScope(
      { authorization: authorization(sig, keyId), 'x-amz-date': AMZ_DATE },
      new URLSearchParams(),
    );

  it('accepts the suite request signed with the suite key', () => {
    expect(
      codeOf(() => verifySignature(wireOf(vanilla), claim(vanilla.signature), SUITE_KEYS)),
    ).toBeUndefined();
  });

  it('refuses a signature made with another secret, and says what it computed', () => {
    const other = vanilla.signature.replace(/^5/, '6');
    let caught: unknown;
    try {
      verifySignature(wireOf(vanilla), claim(other), SUITE_KEYS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LabError);
    expect((caught as LabError).code).toBe('InvalidSignatureException');
    expect((caught as LabError).message).toMatch(
      /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key/,
    );
    expect((caught as LabError).message).toContain(vanilla.canonical);
  });

  it('refuses a request changed after signing (method, query, body)', () => {
    const sig = claim(vanilla.signature);
    expect(codeOf(() => verifySignature({ ...wireOf(vanilla), method: 'POST' }, sig, SUITE_KEYS))).toBe(
      'InvalidSignatureException',
    );
    expect(
      codeOf(() => verifySignature({ ...wireOf(vanilla), query: 'Action=Reboot' }, sig, SUITE_KEYS)),
    ).toBe('InvalidSignatureException');
    expect(
      codeOf(() =>
        verifySignature({ ...wireOf(vanilla), body: Buffer.from('Action=Reboot') }, sig, SUITE_KEYS),
      ),
    ).toBe('InvalidSignatureException');
  });

  it('refuses a declared payload hash that is not the body', () => {
    const req = wireOf(vanilla);
    const declared = { ...req, headers: { ...req.headers, 'x-amz-content-sha256': [sha256Hex('other')] } };
    expect(codeOf(() => verifySignature(declared, claim(vanilla.signature), SUITE_KEYS))).toBe(
      'InvalidSignatureException',
    );
  });

  it('does not know any other key id, whatever the signature', () => {
    expect(
      codeOf(() => verifySignature(wireOf(vanilla), claim(vanilla.signature, 'AKIDOTHER'), SUITE_KEYS)),
    ).toBe('UnrecognizedClientException');
    expect(
      codeOf(() => verifySignature(wireOf(vanilla), claim(vanilla.signature), newLabCredentials())),
    ).toBe('UnrecognizedClientException');
  });

  it('requires Host among the signed headers', () => {
    const sig = readCredentialScope(
      {
        authorization: authorization(vanilla.signature).replace('host;x-amz-date', 'x-amz-date'),
        'x-amz-date': AMZ_DATE,
      },
      new URLSearchParams(),
    );
    expect(codeOf(() => verifySignature(wireOf(vanilla), sig, SUITE_KEYS))).toBe('InvalidSignatureException');
  });
});

describe('lab keys', () => {
  it('are random, in the AWS shapes the lab documents', () => {
    const a = newLabCredentials();
    const b = newLabCredentials();
    expect(a.accessKeyId).toMatch(/^LKIA[A-Z2-7]{16}$/);
    expect(a.secretAccessKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(a.accessKeyId).not.toBe(b.accessKeyId);
    expect(a.secretAccessKey).not.toBe(b.secretAccessKey);
  });
});
