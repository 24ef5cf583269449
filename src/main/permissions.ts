// What the app's page may ask Chromium for. Everything is refused unless the app uses it: a
// compromised or tricked page (say, HTML from a database rendered by mistake) then gets no camera,
// microphone, location, screen, USB/HID/serial device, external protocol or clipboard reading.

/**
 * Desktop notifications: replication health changes (features/replication/use-health-watch.ts).
 * Clipboard writes: "Copy as AWS CLI", copying rows and names (navigator.clipboard.writeText).
 * Pasting still works through the keyboard and menus, which need no permission.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
]);

/** Where the app's page is loaded from (see window.ts). */
export interface AppLocation {
  rendererUrl?: string;
  rendererFile: string;
}

/**
 * Whether `permission` may be granted to a frame at `requestingUrl` (a page URL, or just an
 * origin when Chromium gives no more): only listed permissions, only for the app's own page.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  app: AppLocation,
): boolean {
  if (!GRANTED_PERMISSIONS.has(permission) || !requestingUrl) return false;
  return isAppPage(requestingUrl, app) || isAppOrigin(requestingUrl, app);
}

/** The app's own page: the dev server's URL, or exactly the built index.html. */
export function isAppPage(url: string, app: AppLocation): boolean {
  if (app.rendererUrl) return url.startsWith(app.rendererUrl);
  if (!url.startsWith('file://')) return false;
  try {
    return decodeURIComponent(new URL(url).pathname) === app.rendererFile.replaceAll('\\', '/');
  } catch {
    return false;
  }
}

// Permission checks may carry only the origin: `file://` for the built page, which no other page
// can have, since navigation away from the app is refused.
function isAppOrigin(origin: string, app: AppLocation): boolean {
  if (app.rendererUrl) return origin.replace(/\/$/, '') === new URL(app.rendererUrl).origin;
  return origin === 'file://' || origin === 'file:///';
}
