import mysql from 'mysql2';
import type { NodeConnector } from '../../src/main/replication/node-connector';
import type { DbEndpoint } from './mariadb';

export interface EndpointConnector {
  connect: NodeConnector;
  /** Server thread ids of every connection opened so far, per node key. */
  opened: { nodeKey: string; threadId: number }[];
}

/** A NodeConnector over test servers: node keys name endpoints (as the monitor's keys name nodes). */
export function endpointConnector(endpoints: Record<string, DbEndpoint>): EndpointConnector {
  const opened: EndpointConnector['opened'] = [];
  const connect: NodeConnector = (nodeKey) => {
    const endpoint = endpoints[nodeKey];
    if (!endpoint) return Promise.reject(new Error(`no endpoint for ${nodeKey}`));
    const { host, port, user, password } = endpoint;
    return new Promise((resolve, reject) => {
      const conn = mysql.createConnection({ host, port, user, password });
      conn.connect((error) => {
        if (error) return reject(error);
        opened.push({ nodeKey, threadId: conn.threadId ?? -1 });
        resolve(conn);
      });
    });
  };
  return { connect, opened };
}
