import { startJetStreamConsumers } from '@restash/messaging';
import { runService } from '@restash/service-runtime';
import { ExecutorModule } from './executor.module.js';

await runService({ name: 'executor', defaultHttpPort: 8083, module: ExecutorModule, afterListen: startJetStreamConsumers });
