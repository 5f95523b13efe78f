import { planFileMix, seededRandom } from './file-mix.js';

const MiB = 1024 * 1024;

describe('the file mix', () => {
  const plan = planFileMix(64 * MiB, 1);

  it('adds up to exactly the bytes asked for', () => {
    expect(plan.reduce((sum, file) => sum + file.bytes, 0)).toBe(64 * MiB);
    expect(plan.every((file) => file.bytes > 0)).toBe(true);
  });

  it('mixes sizes and text with binary, each file at its own path', () => {
    expect(new Set(plan.map((file) => file.path.split('/')[0])).size).toBeGreaterThanOrEqual(2);
    expect(new Set(plan.map((file) => file.content))).toEqual(new Set(['text', 'binary']));
    expect(new Set(plan.map((file) => file.path)).size).toBe(plan.length);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(planFileMix(64 * MiB, 1)).toEqual(plan);
    expect(planFileMix(64 * MiB, 2)).not.toEqual(plan);
    expect(seededRandom(7)()).toBe(seededRandom(7)());
  });
});
