/**
 * Electron's save dialog as the services see it: the name to offer and the file types to list; the
 * path the user picked, or null when they cancelled. Without one, exports become one-time downloads.
 */
export type ChooseSavePath = (
  defaultName: string,
  filters: { name: string; extensions: string[] }[],
) => Promise<string | null>;
