import { createLogger } from '@restash/observability';
import { runAgent } from './agent/run-agent.js';
import { runMemberJob } from './job/run-member-job.js';
import { runRestoreJob } from './job/run-restore-job.js';
import { runRestoreInit } from './restore/run-restore-init.js';

const ENTRY_POINTS: Record<string, (logger: ReturnType<typeof createLogger>) => Promise<number>> = {
  job: runMemberJob,
  agent: runAgent,
  'restore-job': runRestoreJob,
  'restore-init': runRestoreInit,
};

const entry = process.argv[2] ?? '';
const logger = createLogger({ service: `runner-${entry || 'unknown'}`, level: process.env['LOG_LEVEL'] ?? 'info', instanceId: process.env['POD_NAME'] });
const run = ENTRY_POINTS[entry];
if (!run) {
  logger.error(`unknown runner entry point "${entry}"; expected one of: ${Object.keys(ENTRY_POINTS).join(', ')}`);
  process.exit(2);
}
run(logger).then(
  (code) => process.exit(code),
  (error: unknown) => {
    logger.error({ err: error }, 'runner failed');
    process.exit(1);
  },
);
