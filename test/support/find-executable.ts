// The lab and the tests look for programs the same way; the code lives with the lab's engine.
export { findExecutable, findOptionalExecutable } from '../../src/lab/engine/find-executable';
