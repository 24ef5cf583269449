/**
 * Follows a paged AWS API to its end. `fetch` gets the token of the page to read (undefined for the
 * first) and returns the page's items and the next token. Stops at `maxPages` and when a token comes
 * back a second time, so a misbehaving endpoint cannot keep a listing going forever.
 */
export async function collectPages<T>(
  fetch: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>,
  maxPages = 200,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { items, next } = await fetch(token);
    all.push(...(items ?? []));
    if (!next || seen.has(next)) break;
    seen.add(next);
    token = next;
  }
  return all;
}
