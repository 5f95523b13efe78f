import { ChangeSignals } from './change-signals.js';

const { jest: fake } = import.meta as unknown as { jest: typeof jest };

describe('ChangeSignals', () => {
  beforeEach(() => fake.useFakeTimers());
  afterEach(() => fake.useRealTimers());

  it('wakes the waiters of a key when it changes, and only them', async () => {
    const signals = new ChangeSignals();
    const woken: string[] = [];
    void signals.next('a/job-1', 10_000).then(() => woken.push('job-1'));
    void signals.next('a/job-2', 10_000).then(() => woken.push('job-2'));
    signals.notify('a/job-1');
    await Promise.resolve();
    expect(woken).toEqual(['job-1']);
    signals.notify('a/job-2');
    await Promise.resolve();
    expect(woken).toEqual(['job-1', 'job-2']);
  });

  it('wakes a waiter after its timeout when nothing changes', async () => {
    const signals = new ChangeSignals();
    let woken = false;
    void signals.next('a/job-1', 500).then(() => (woken = true));
    fake.advanceTimersByTime(499);
    await Promise.resolve();
    expect(woken).toBe(false);
    fake.advanceTimersByTime(1);
    await Promise.resolve();
    expect(woken).toBe(true);
  });

  it('a change before anyone waits wakes nobody later', async () => {
    const signals = new ChangeSignals();
    signals.notify('a/job-1');
    let woken = false;
    void signals.next('a/job-1', 500).then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    signals.notifyAll();
    await Promise.resolve();
    expect(woken).toBe(true);
  });
});
