export { waitUntil, type WaitOptions } from '../../src/lab/engine/wait-until';
