import { parseDuration, type BackupSession } from '@restash/api';
import { KubeClient } from '@restash/kube';
import {
  batchSpec, createAppBinding, createBackupFixture, createBatch, createSession, waitForFinalSession, type BackupFixture,
} from '../../support/backup-fixture.js';
import { startBlackHoleServer, type BlackHoleServer } from '../../support/black-hole-server.js';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
const TIME_OUT_SECONDS = 20;
let namespace: string;
let fixture: BackupFixture;
let services: RestashServices;
let blackHole: BlackHoleServer;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'timeouts');
  [fixture, services, blackHole] = await Promise.all([createBackupFixture(kube, namespace), startRestashServices({ executors: 1 }), startBlackHoleServer()]);
  // A PostgreSQL that accepts the connection and never answers: pg_dump waits for it forever.
  await createAppBinding(kube, namespace, 'hung', 'postgres', `postgres://127.0.0.1:${blackHole.port}/app`, 'app', 'not-needed');
}, 120_000);

afterAll(async () => {
  await services?.stop();
  await blackHole?.close();
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
});

const targetOf = (session: BackupSession, name: string) => session.status?.targets?.find((target) => target.ref.name === name);

describe('a member that hangs', () => {
  it('is failed once the batch’s timeOut passes, with the reason, its runner stopped, and the session still ends', async () => {
    const hung = { target: { alias: 'hung', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'hung' } }, task: { name: 'postgres-backup-15' } };
    await createBatch(kube, namespace, 'deadline', { ...batchSpec(['files']), members: [hung, ...batchSpec(['files']).members!], executionOrder: 'Sequential', timeOut: `${TIME_OUT_SECONDS}s` });
    await createSession(kube, namespace, 'deadline', 'deadline-1');
    const session = await waitForFinalSession(kube, namespace, 'deadline-1', 120_000);

    expect(session.status?.phase).toBe('Failed');
    expect(session.status?.sessionDeadline).toBeDefined();
    expect(blackHole.accepted()).toBeGreaterThan(0);
    const [hungHost] = targetOf(session, 'hung')?.stats ?? [];
    expect(hungHost?.phase).toBe('Failed');
    expect(hungHost?.error).toMatch(/did not finish before the deadline .+ \(spec\.timeOut\)/);
    // The member after it never got its turn before the deadline: failed too, for the same reason, and the session ended.
    expect(targetOf(session, 'files')?.phase).toBe('Failed');
    expect(targetOf(session, 'files')?.stats?.[0]?.error).toMatch(/deadline/);
    expect(parseDuration(session.status!.sessionDuration!)).toBeLessThan((TIME_OUT_SECONDS + 30) * 1000);

    // The hung runner was stopped with its Job: nothing holds the database connection any more.
    await eventually(async () => (await kube.core.listNamespacedPod({ namespace, labelSelector: 'restash.dev/session=deadline-1' })).items.length === 0, {
      timeoutMs: 30_000,
      what: 'the runner pods of deadline-1 gone',
    });
    const events = (await kube.core.listNamespacedEvent({ namespace, fieldSelector: 'involvedObject.name=deadline-1' })).items;
    expect(events.map((event) => `${event.type} ${event.message}`).join('\n')).toMatch(/Warning .*deadline/);
  }, 180_000);
});
