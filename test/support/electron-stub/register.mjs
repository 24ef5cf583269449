// Loaded with `node --import`: resolves the bare `electron` import to the stub beside this file.
import { register } from 'node:module';

register(new URL('./resolve-hook.mjs', import.meta.url));
