import type { ContainerRun } from './container-run.js';
import { shouldRestart } from './container-run.js';
import { restartDelayMs } from './restart-backoff.js';

const base: ContainerRun = {
  name: 'c',
  image: 'restash',
  init: false,
  sidecar: false,
  kind: 'restash',
  state: { type: 'waiting', reason: 'x' },
  restartCount: 0,
};

describe('shouldRestart', () => {
  it.each([
    ['Always', 0, true],
    ['Always', 1, true],
    ['OnFailure', 0, false],
    ['OnFailure', 1, true],
    ['Never', 1, false],
  ] as const)('a container under %s exiting %d restarts: %s', (policy, code, expected) => {
    expect(shouldRestart(base, policy, code)).toBe(expected);
  });

  it('restarts a failed init container unless Never, a sidecar always', () => {
    expect(shouldRestart({ ...base, init: true }, 'Always', 0)).toBe(false);
    expect(shouldRestart({ ...base, init: true }, 'Always', 1)).toBe(true);
    expect(shouldRestart({ ...base, init: true }, 'Never', 1)).toBe(false);
    expect(shouldRestart({ ...base, init: true, sidecar: true }, 'Never', 0)).toBe(true);
  });
});

describe('restartDelayMs', () => {
  it('starts at 1 s, doubles, and stops at 10 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});
