import { startJetStreamConsumers } from '@restash/messaging';
import { runService } from '@restash/service-runtime';
import { StatusModule } from './status.module.js';

// Status writes must outlive an API-server restart: ten deliveries back off for about three minutes
// (the default five give up after fifteen seconds) before a status event is dead-lettered.
const CONSUMER_SETTINGS = { maxDeliver: 10 };

await runService({
  name: 'status',
  defaultHttpPort: 8084,
  module: StatusModule,
  afterListen: (app, config) => startJetStreamConsumers(app, config, CONSUMER_SETTINGS),
});
