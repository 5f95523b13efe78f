import { startJetStreamConsumers } from '@restash/messaging';
import { runService } from '@restash/service-runtime';
import { StatusModule } from './status.module.js';

await runService({ name: 'status', defaultHttpPort: 8084, module: StatusModule, afterListen: startJetStreamConsumers });
