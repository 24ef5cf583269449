import type { Handlers } from '../../shared/rpc';
import type { DynamoTransfers } from '../dynamo/transfer-files';

/** Import and export through files the page cannot reach itself (a save dialog, a download, an upload). */
export function dynamoTransferHandlers(
  transfers: DynamoTransfers,
): Pick<Handlers, 'dynamo.exportFile' | 'dynamo.exportDownload' | 'dynamo.importText'> {
  return {
    'dynamo.exportFile': (req) => transfers.exportFile(req),
    'dynamo.exportDownload': (req) => transfers.exportDownload(req.jobId),
    'dynamo.importText': (req) => transfers.importText(req),
  };
}
