import { startJetStreamConsumers } from '@restash/messaging';
import { runService } from '@restash/service-runtime';
import { StatusModule } from './status.module.js';

// Status writes must outlive an API-server restart: ten deliveries back off for about three minutes
// (the default five give up after fifteen seconds) before a status event is dead-lettered.
// A handler mostly waits (the write linger, the API server), and events of one object in flight
// together are written together, so many are taken at once.
const CONSUMER_SETTINGS = { maxDeliver: 10, concurrency: 64 };

await runService({
  name: 'status',
  defaultHttpPort: 8084,
  module: StatusModule,
  afterListen: (app, config) => startJetStreamConsumers(app, config, CONSUMER_SETTINGS),
});
