import { createLogger, type Logger } from '@restash/observability';

// Each entry point is loaded only when it runs: a Job pod starts without the agent's NestJS transport.
const ENTRY_POINTS: Record<string, () => Promise<(logger: Logger) => Promise<number>>> = {
  job: async () => (await import('./job/run-member-job.js')).runMemberJob,
  agent: async () => (await import('./agent/run-agent.js')).runAgent,
  'restore-job': async () => (await import('./job/run-restore-job.js')).runRestoreJob,
  'restore-init': async () => (await import('./restore/run-restore-init.js')).runRestoreInit,
};

const entry = process.argv[2] ?? '';
const logger = createLogger({
  service: `runner-${entry || 'unknown'}`,
  level: process.env['LOG_LEVEL'] ?? 'info',
  instanceId: process.env['POD_NAME'],
});
const load = ENTRY_POINTS[entry];
if (!load) {
  logger.error(`unknown runner entry point "${entry}"; expected one of: ${Object.keys(ENTRY_POINTS).join(', ')}`);
  process.exit(2);
}
load()
  .then((run) => run(logger))
  .then(
    (code) => process.exit(code),
    (error: unknown) => {
      logger.error({ err: error }, 'runner failed');
      process.exit(1);
    },
  );
