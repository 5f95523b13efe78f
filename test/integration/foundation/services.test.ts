import { startService } from '../../support/service-process.js';

describe.each(['scheduler', 'injector', 'executor', 'status'])('the %s service', (name) => {
  it('connects to its dependencies, serves health, readiness and metrics, and stops gracefully on SIGTERM', async () => {
    const service = await startService(name);
    try {
      expect(await (await fetch(service.url('/healthz'))).json()).toEqual({ status: 'ok' });
      const readiness = (await (await fetch(service.url('/readyz'))).json()) as { ready: boolean; checks: Record<string, { ok: boolean }> };
      expect(readiness.ready).toBe(true);
      expect(Object.keys(readiness.checks)).toEqual(expect.arrayContaining(['kubernetes', 'nats']));
      expect(await (await fetch(service.url('/metrics'))).text()).toContain(`process_cpu_user_seconds_total{service="${name}"}`);
    } finally {
      expect(await service.stop()).toBe(0);
    }
    expect(service.output.join('')).toContain('"msg":"stopped"');
  });
});
