import { ConfigError, EnvReader } from './env-reader.js';

describe('EnvReader', () => {
  it('reads integers within bounds and falls back when unset', () => {
    const env = new EnvReader({ PORT: '8080' });
    expect(env.integer('PORT', 1)).toBe(8080);
    expect(env.integer('OTHER', 7)).toBe(7);
  });

  it('names the variable when a value is malformed', () => {
    const env = new EnvReader({ PORT: 'eighty', NATS_URL: 'http://x:1', BAD: '::' });
    expect(() => env.integer('PORT', 1)).toThrow(new ConfigError('PORT=eighty is not an integer between 0 and 9007199254740991'));
    expect(() => env.url('NATS_URL', ['nats:'])).toThrow('NATS_URL must use nats:, got http:');
    expect(() => env.url('BAD', ['nats:'])).toThrow('BAD is not a URL');
    expect(() => env.string('MISSING')).toThrow('MISSING is not set');
  });
});
