import { Registry } from '@restash/service-runtime';
import { KubeWriteMetrics, kubeWriteResult } from './kube-write-metrics.js';

const apiError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code });

describe('kubeWriteResult', () => {
  it('names the outcome by the API server status code', () => {
    expect(kubeWriteResult(apiError(404))).toBe('not-found');
    expect(kubeWriteResult(apiError(409))).toBe('conflict');
    expect(kubeWriteResult(apiError(409), { createOrDelete: true })).toBe('exists');
    expect(kubeWriteResult(apiError(422))).toBe('rejected');
    expect(kubeWriteResult(apiError(429))).toBe('error');
    expect(kubeWriteResult(apiError(503))).toBe('error');
    expect(kubeWriteResult(new Error('socket hang up'))).toBe('error');
  });
});

describe('KubeWriteMetrics', () => {
  it('counts each write by resource and result and passes the outcome through', async () => {
    const registry = new Registry();
    const metrics = new KubeWriteMetrics(registry);
    await expect(metrics.count('jobs', Promise.resolve('job'))).resolves.toBe('job');
    await expect(metrics.count('jobs', Promise.reject(apiError(409)), { createOrDelete: true })).rejects.toThrow('HTTP 409');
    const text = await registry.metrics();
    expect(text).toContain('restash_kube_writes_total{resource="jobs",result="ok"} 1');
    expect(text).toContain('restash_kube_writes_total{resource="jobs",result="exists"} 1');
  });
});
