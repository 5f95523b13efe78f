import { redisProblem } from './redis-connection.js';

describe('redisProblem', () => {
  const redis = { url: 'rediss://r:6380/', username: 'restash', password: 'pw' };

  it('names the settings to check when Redis refuses the credentials or TLS', () => {
    expect(redisProblem(new Error('WRONGPASS invalid username-password pair or user is disabled.'), redis)).toBe(
      'Redis at rediss://r:6380/ refused the credentials: WRONGPASS invalid username-password pair or user is disabled. (check REDIS_USERNAME=restash and REDIS_PASSWORD)',
    );
    expect(redisProblem(Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), redis)).toMatch(/^TLS with Redis at rediss:\/\/r:6380\/ failed/);
  });

  it('says when Redis is not reachable', () => {
    expect(redisProblem(new Error('connect ECONNREFUSED 127.0.0.1:6380'), redis)).toBe('Redis at rediss://r:6380/ is not reachable: connect ECONNREFUSED 127.0.0.1:6380');
  });
});
