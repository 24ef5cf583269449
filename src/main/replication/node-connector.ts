import type { Connection } from 'mysql2';
/** Opens a new connection to a node of the monitor, with the node's credentials. The caller ends it. */
export type NodeConnector = (nodeKey: string) => Promise<Connection>;
