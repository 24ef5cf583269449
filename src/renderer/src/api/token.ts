const STORAGE_KEY = 'rdx.token';

/**
 * Browser mode: the printed URL carries `?token=`. Keep it for this tab only (sessionStorage, so a
 * reload works) and take it out of the address bar so it does not end up in history or screenshots.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

/** A refused token is useless on reload; forget it so the page explains instead of retrying. */
export function forgetToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
