// kubectl-restash: `kubectl restash <command> <name> [options]` (kubectl finds bin/kubectl-restash on PATH),
// also `restash <command> …` through bin/restash.
import { basename } from 'node:path';
import { runCli } from './run-cli.js';

const program = basename(process.argv[1] ?? '') === 'kubectl-restash' ? 'kubectl restash' : 'restash';
process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  program,
);
