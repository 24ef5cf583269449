import { invalidParameterValue } from './errors';
import type { QueryParams } from './query-params';

export interface Page<T> {
  items: T[];
  /** Present when more items follow: pass it back as Marker. */
  marker?: string;
}

/**
 * Marker/MaxRecords paging as RDS does it (MaxRecords 20..100, default 100). The marker is opaque to
 * clients: the position of the next item, encoded, and checked when it comes back.
 */
export function paginate<T>(items: readonly T[], params: QueryParams): Page<T> {
  const maxRecords = params.int('MaxRecords', { min: 20, max: 100 }) ?? 100;
  const start = decodeMarker(params.string('Marker'));
  const end = start + maxRecords;
  return {
    items: items.slice(start, end),
    marker: end < items.length ? encodeMarker(end) : undefined,
  };
}

function encodeMarker(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeMarker(marker: string | undefined): number {
  if (marker === undefined) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // Reported below, like any other unreadable marker.
  }
  throw invalidParameterValue(`Invalid Marker: ${marker}`);
}
