import { runService } from '@restash/service-runtime';
import { SchedulerModule } from './scheduler.module.js';

await runService({ name: 'scheduler', defaultHttpPort: 8081, module: SchedulerModule });
