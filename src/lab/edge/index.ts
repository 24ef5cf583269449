// The edge's public surface, for the lab's composition.
export { startEdgeServer, type EdgeServer, type EdgeServerOptions } from './edge-server';
export { PortInUseError } from './port-in-use-error';
export { jsonReply, parseJsonRequest, targetOperation } from './json-protocol';
export { renderError, detectProtocol, type WireProtocol } from './wire-errors';
export type { AdminHandler, LabRequest, LabResponse, ServiceHandler } from './types';
