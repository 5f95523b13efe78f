// `node --import ./bench/register-typescript.mjs bench/src/main.ts`: runs the benchmarks' TypeScript
// as jest runs the tests' (no build step), so they can reuse test/support's fixtures as they are.
import { register } from 'node:module';

register('./typescript-loader.mjs', import.meta.url);
