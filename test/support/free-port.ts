export { getFreePort } from '../../src/lab/engine/free-port';
