import { loadStackEnv } from './stack-env.js';

// Integration tests run against the stack `./dev up --infra` started; its settings come from .stack/env.
Object.assign(process.env, loadStackEnv());
