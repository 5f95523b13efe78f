import { natsRefusal } from './nats-connection.js';

describe('natsRefusal', () => {
  const transport = { url: 'tls://n:4222', user: 'restash', password: 'pw' };

  it('names the settings to check when NATS refuses credentials or TLS', () => {
    expect(natsRefusal(Object.assign(new Error('Authorization Violation'), { name: 'AuthorizationError' }), transport)).toBe(
      'NATS at tls://n:4222 refused the credentials: Authorization Violation (NATS_USER=restash / NATS_PASSWORD)',
    );
    expect(natsRefusal(Object.assign(new Error('unable to verify the first certificate'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), transport)).toMatch(
      /^TLS with NATS at tls:\/\/n:4222 failed: unable to verify the first certificate \(check NATS_TLS_CA_FILE/,
    );
  });

  it('leaves a NATS that is not up yet to be retried', () => {
    expect(natsRefusal(new Error('connection refused'), transport)).toBeUndefined();
  });
});
