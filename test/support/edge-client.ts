import type { StaticCredentials } from '../../src/main/aws/client-config';

/**
 * SDK client options aimed at a lab edge. One attempt: a test sees each error as the edge sent it,
 * never the answer to a retry.
 */
export function edgeClientConfig(
  endpoint: string,
  region: string,
  credentials: StaticCredentials,
): { endpoint: string; region: string; credentials: StaticCredentials; maxAttempts: number } {
  return { endpoint, region, credentials, maxAttempts: 1 };
}

/** POSTs what no SDK would send (bad signatures and bodies, admin routes) to the edge at `url`. */
export async function postToEdge(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}
