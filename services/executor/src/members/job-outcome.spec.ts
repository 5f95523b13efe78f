import type { V1Job, V1Pod } from '@kubernetes/client-node';
import { jobOutcome, podOutcome } from './job-outcome.js';

const pod = (phase: string, terminated?: { exitCode: number; reason?: string }, deleting = false): V1Pod => ({
  metadata: { name: 'p', ...(deleting && { deletionTimestamp: new Date() }) },
  status: { phase, containerStatuses: [{ name: 'restash', image: 'restash', imageID: '', ready: false, restartCount: 0, state: terminated ? { terminated } : { running: {} } }] },
});

describe('job outcomes', () => {
  it('end a member as soon as its runner pod ended, before the job controller marks the Job', () => {
    expect(podOutcome([pod('Succeeded', { exitCode: 0, reason: 'Completed' })])).toEqual({ state: 'succeeded' });
    expect(podOutcome([pod('Failed', { exitCode: 137, reason: 'Error' })])).toEqual({
      state: 'failed',
      reason: 'the runner pod exited with code 137 (Error) without reporting a result',
    });
    expect(podOutcome([pod('Running')])).toEqual({ state: 'running' });
  });

  it('leave it to the Job when no pod tells: none yet, or only one being deleted', () => {
    expect(podOutcome([])).toBeUndefined();
    expect(podOutcome([pod('Running', undefined, true)])).toBeUndefined();
  });

  it('read a Job’s conditions, naming the runner’s exit when it failed', () => {
    const job = (type: string, reason?: string): V1Job => ({ status: { conditions: [{ type, status: 'True', reason }] } });
    expect(jobOutcome(job('Complete'), [])).toEqual({ state: 'succeeded' });
    expect(jobOutcome({ status: {} }, [])).toEqual({ state: 'running' });
    expect(jobOutcome(job('Failed', 'BackoffLimitExceeded'), [pod('Failed', { exitCode: 1 })])).toEqual({
      state: 'failed',
      reason: 'the runner pod exited with code 1 (Error) without reporting a result',
    });
    expect(jobOutcome(job('Failed', 'DeadlineExceeded'), [])).toEqual({ state: 'failed', reason: 'the runner did not finish in time (deadline exceeded)' });
  });
});
