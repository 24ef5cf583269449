import type { Handlers } from '../../shared/rpc';
import type { DynamoService } from '../dynamo/dynamo-service';

// The transfer channels (uploads, downloads, save dialogs) are served by handlers/dynamo-transfer.ts.
type DynamoChannel = Exclude<
  Extract<keyof Handlers, `dynamo.${string}`>,
  'dynamo.exportFile' | 'dynamo.exportDownload' | 'dynamo.importText'
>;

/** The `dynamo.*` channels: thin, each a call into the DynamoDB service. */
export function dynamoHandlers(dynamo: DynamoService): Pick<Handlers, DynamoChannel> {
  return {
    'dynamo.endpoint': (req) => dynamo.endpoint(req),
    'dynamo.listTables': (req) => dynamo.listTables(req.profile, req.regions),
    'dynamo.describeTable': (req) => dynamo.describeTable(req),
    'dynamo.tableCode': (req) => dynamo.tableCode(req),
    'dynamo.createTable': (req) => dynamo.createTable(req, req.definition),
    'dynamo.deleteTable': (req) => dynamo.deleteTable(req),
    'dynamo.updateTtl': (req) => dynamo.updateTtl(req),
    'dynamo.updateStream': (req) => dynamo.updateStream(req),
    'dynamo.read': (req) => dynamo.read(req),
    'dynamo.fetchAll': (req) => dynamo.fetchAll(req),
    'dynamo.cancelJob': (req) => dynamo.cancelJob(req.jobId),
    'dynamo.getItem': (req) => dynamo.getItem(req),
    'dynamo.putItem': (req) => dynamo.putItem(req),
    'dynamo.deleteItem': (req) => dynamo.deleteItem(req),
    'dynamo.deleteItems': (req) => dynamo.deleteItems(req),
    'dynamo.transactWrite': (req) => dynamo.transactWrite(req),
    'dynamo.partiql': (req) => dynamo.partiql(req),
    'dynamo.partiqlBatch': (req) => dynamo.partiqlBatch(req),
    'dynamo.prices': () => dynamo.prices.load(),
    'dynamo.savePrices': (req) => (req.prices ? dynamo.prices.save(req.prices) : dynamo.prices.reset()),
    'dynamo.startStream': (req) => dynamo.startStream(req),
    'dynamo.stopStream': (req) => dynamo.stopStream(req.tailId),
  };
}
