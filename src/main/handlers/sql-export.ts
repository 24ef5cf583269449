import type { Handlers } from '../../shared/rpc';
import type { ExportService } from '../mysql/export-service';
import type { ImportService } from '../mysql/import-service';

export function sqlExportHandlers(
  exports: ExportService,
  imports: ImportService,
): Pick<
  Handlers,
  'sql.export' | 'sql.cancelExport' | 'sql.importPreview' | 'sql.importCsv' | 'sql.cancelImport'
> {
  return {
    'sql.export': (req) => exports.start(req.source, req.format),
    'sql.cancelExport': (req) => ({ cancelled: exports.cancel(req.exportId) }),
    'sql.importPreview': (req) => imports.preview(req),
    'sql.importCsv': (req) => imports.start(req),
    'sql.cancelImport': (req) => ({ cancelled: imports.cancel(req.importId) }),
  };
}
