import { randomBytes } from 'node:crypto';
import { DeliverPolicy } from '@nats-io/jetstream';
import type { BackupSession, TargetRef } from '@restash/api';
import { identityOf, SUBJECTS, type BackupSessionEvent, type RunRequest } from '@restash/events';
import { KubeClient } from '@restash/kube';
import { DEAD_LETTER_SUBJECT, STREAMS, type DeadLetter } from '@restash/messaging';
import { eventually } from '../../support/eventually.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { afterCreation, counterValue, StatusFixtures } from './status-fixtures.js';

const TEST_TIMEOUT_MS = 30_000;
const kube = new KubeClient();
const db: TargetRef = { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'db' };
const files: TargetRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' };
let namespace: string;
let fixtures: StatusFixtures;
let status: ServiceProcess;

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'status-failures');
  fixtures = await StatusFixtures.open(kube, namespace);
  await fixtures.createBatch('db-backup', 'repo', { backupHistoryLimit: 5 });
  status = await startService('status');
}, TEST_TIMEOUT_MS);
afterAll(async () => {
  await status?.stop();
  await fixtures?.close();
  await deleteTestNamespace(kube, namespace);
});

function started(session: BackupSession): BackupSessionEvent {
  return { type: 'session-started', session: identityOf(session), at: afterCreation(session, 1), targets: [{ ref: db, totalHosts: 1 }, { ref: files, totalHosts: 1 }] };
}

describe('BackupSession failures (real API server and JetStream)', () => {
  it('fails the target of a failed host and then the session, with the error text in stats[].error', async () => {
    const session = await fixtures.createSession('db-backup-1000', 'db-backup');
    const id = identityOf(session);
    const error = 'mysqldump: Got error: 1045: "Access denied for user \'backup\'@\'10.0.0.7\' (using password: YES)" when trying to connect';
    await fixtures.publishSessionEvents([
      started(session),
      { type: 'host-result', session: id, target: db, finishedAt: afterCreation(session, 5), result: { hostname: 'host-0', phase: 'Failed', duration: '1.5s', error } },
      { type: 'host-result', session: id, target: files, finishedAt: afterCreation(session, 9), result: { hostname: 'host-0', phase: 'Succeeded', duration: '4s', snapshots: [{ name: 'ab12cd34', path: '/files' }] } },
      { type: 'session-finished', session: id, at: afterCreation(session, 10) },
    ]);
    const failed = await fixtures.waitForSession(session.metadata.name!, (s) => s.phase === 'Failed', 'Failed');
    expect(failed.status).toMatchObject({
      phase: 'Failed',
      sessionDuration: '10s',
      targets: [
        { ref: db, totalHosts: 1, phase: 'Failed', stats: [{ hostname: 'host-0', phase: 'Failed', duration: '1.5s', error }] },
        { ref: files, totalHosts: 1, phase: 'Succeeded', stats: [{ hostname: 'host-0', phase: 'Succeeded', duration: '4s' }] },
      ],
    });
    const warnings = await eventually(async () => {
      const found = (await fixtures.eventsAbout(session.metadata.uid!)).filter((e) => e.type === 'Warning');
      return found.length === 2 ? found : undefined;
    }, { what: 'two Warning Events' });
    expect(warnings.map((e) => [e.reason, e.message])).toEqual(
      expect.arrayContaining([
        ['HostBackupFailed', `Backup of host host-0 of AppBinding/db failed in 1.5s: ${error}`],
        ['BackupSessionFailed', 'Backup session failed in 10s: target(s) AppBinding/db failed.'],
      ]),
    );
  }, TEST_TIMEOUT_MS);

  it('waits for a host result that arrives after session-finished, then finalizes', async () => {
    const session = await fixtures.createSession('db-backup-2000', 'db-backup');
    const id = identityOf(session);
    const hostResult = (target: TargetRef, seconds: number): BackupSessionEvent => ({
      type: 'host-result', session: id, target, finishedAt: afterCreation(session, seconds), result: { hostname: 'host-0', phase: 'Succeeded', duration: '1s' },
    });
    await fixtures.publishSessionEvents([started(session), hostResult(db, 3), { type: 'session-finished', session: id, at: afterCreation(session, 6) }]);
    await eventually(async () => {
      const current = await fixtures.sessions.get(namespace, session.metadata.name!);
      return current.status?.conditions?.some((c) => c.type === 'BackupExecutionFinished') ? current : undefined;
    }, { what: 'session-finished recorded' });
    expect((await fixtures.sessions.get(namespace, session.metadata.name!)).status?.phase).toBe('Running');
    await fixtures.publishSessionEvents([hostResult(files, 5)]);
    const done = await fixtures.waitForSession(session.metadata.name!, (s) => s.phase === 'Succeeded', 'Succeeded');
    expect(done.status?.sessionDuration).toBe('6s');
  }, TEST_TIMEOUT_MS);

  it('ignores events for a recreated session of the same name', async () => {
    const session = await fixtures.createSession('db-backup-3000', 'db-backup');
    const ignoredBefore = await counterValue(status, 'restash_status_events_processed_total', { type: 'session-started', result: 'recreated' });
    await fixtures.publishSessionEvents([started({ ...session, metadata: { ...session.metadata, uid: `older-incarnation-${randomBytes(4).toString('hex')}` } })]);
    await eventually(
      async () => (await counterValue(status, 'restash_status_events_processed_total', { type: 'session-started', result: 'recreated' })) > ignoredBefore,
      { what: 'the event for the old incarnation processed' },
    );
    expect((await fixtures.sessions.get(namespace, session.metadata.name!)).status).toBeUndefined();
  }, TEST_TIMEOUT_MS);

  it('marks the session of a dead-lettered run request Failed with the reason RunRequestFailed', async () => {
    const session = await fixtures.createSession('db-backup-4000', 'db-backup');
    const request: RunRequest = { kind: 'BackupSession', object: identityOf(session), requestedAt: session.metadata.creationTimestamp! };
    const letter: DeadLetter = {
      consumer: 'executor-restash-runs-backup',
      subject: SUBJECTS.backupRun,
      deliveries: 5,
      error: 'restic: unable to create lock in backend: repository is already locked exclusively',
      data: JSON.stringify(request),
    };
    await fixtures.publisher.publish(DEAD_LETTER_SUBJECT, letter, `dead-test-${session.metadata.uid}`);
    const failed = await fixtures.waitForSession(session.metadata.name!, (s) => s.phase === 'Failed', 'Failed');
    expect(failed.status?.conditions).toContainEqual(
      expect.objectContaining({
        type: 'BackupExecutionFinished',
        status: 'True',
        reason: 'RunRequestFailed',
        message: `The run request failed after 5 deliveries: ${letter.error}`,
      }),
    );
    await eventually(async () => (await fixtures.eventsAbout(session.metadata.uid!)).some((e) => e.reason === 'BackupSessionFailed' && e.message?.includes(letter.error)), {
      what: 'BackupSessionFailed Event',
    });
  }, TEST_TIMEOUT_MS);

  it('dead-letters a malformed session event at once, with the validation error', async () => {
    const marker = `malformed-${Date.now()}`;
    const since = new Date().toISOString();
    await fixtures.publisher.publish(SUBJECTS.sessionStatus, { type: 'host-result', session: { namespace, name: marker } }, marker);
    const letter = await eventually(async () => {
      const consumer = await fixtures.jetstream.consumers.get(STREAMS.status.name, {
        filter_subjects: [DEAD_LETTER_SUBJECT],
        deliver_policy: DeliverPolicy.StartTime,
        opt_start_time: since,
      });
      const batch = await consumer.fetch({ max_messages: 1000, expires: 1000 });
      const letters: DeadLetter[] = [];
      for await (const message of batch) letters.push(message.json<DeadLetter>());
      return letters.find((candidate) => candidate.data.includes(marker));
    }, { what: 'the dead letter' });
    expect(letter).toMatchObject({ subject: SUBJECTS.sessionStatus, deliveries: 1 });
    expect(letter.error).toMatch(/^invalid backup session event: /);
  }, TEST_TIMEOUT_MS);
});
