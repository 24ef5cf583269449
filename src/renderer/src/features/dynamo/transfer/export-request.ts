import type { ReadRequest } from '@shared/models/dynamo-schemas';

/** Items per page for exports: big pages, but below DynamoDB Local's slow 1 MB page end (DESIGN §7). */
export const EXPORT_PAGE_LIMIT = 1000;
/** Parallel scan segments offered by default: enough to keep DynamoDB busy, few enough for Local. */
export const DEFAULT_SEGMENTS = 4;

/** The whole table: a plain scan. */
export function tableScan(table: string): ReadRequest {
  return { mode: 'scan', table, limit: EXPORT_PAGE_LIMIT };
}

/** The current result read again from its start with export-sized pages (its filters kept). */
export function resultRequest(request: ReadRequest): ReadRequest {
  return { ...request, limit: Math.max(request.limit, EXPORT_PAGE_LIMIT) };
}

/** Segments apply to scans only; a query is one ordered read. */
export function segmentsFor(request: ReadRequest, segments: number): number {
  return request.mode === 'scan' ? segments : 1;
}

/** "scan of Users with 2 filters", "query of Users (index ByEmail)", for the source's description. */
export function describeRequest(request: ReadRequest): string {
  const parts = [`${request.mode === 'scan' ? 'Scan' : 'Query'} of ${request.table}`];
  if (request.index) parts.push(`index ${request.index}`);
  const filters = request.filters?.length ?? 0;
  if (filters) parts.push(`${filters} filter${filters > 1 ? 's' : ''}`);
  if (request.projection?.length) parts.push(`${request.projection.length} attributes`);
  return parts.join(' · ');
}
