import type { BackupSession, HostBackupStats, TargetRef } from '@restash/api';
import { identityOf, type BackupSessionEvent, type HostResult } from '@restash/events';
import { KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { afterCreation, counterValue, StatusFixtures } from './status-fixtures.js';

const TEST_TIMEOUT_MS = 30_000;
const kube = new KubeClient();
const MiB = 2 ** 20;
const db: TargetRef = { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'db' };
const web: TargetRef = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' };
let namespace: string;
let fixtures: StatusFixtures;
let status: ServiceProcess;

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'status-session');
  fixtures = await StatusFixtures.open(kube, namespace);
  await fixtures.createRepository('local-repo');
  await fixtures.createBatch('app-backup', 'local-repo');
  status = await startService('status');
}, TEST_TIMEOUT_MS);
afterAll(async () => {
  await status?.stop();
  await fixtures?.close();
  await deleteTestNamespace(kube, namespace);
});

function snapshot(name: string, path: string, size: string): NonNullable<HostBackupStats['snapshots']>[number] {
  return { name, path, totalSize: size, uploaded: size, processingTime: '0:03', fileStats: { totalFiles: 1, newFiles: 1, modifiedFiles: 0, unmodifiedFiles: 0 } };
}

/** A run of a database (one host) and a StatefulSet (two hosts), as the executor reports it. */
function successfulRun(session: BackupSession): BackupSessionEvent[] {
  const id = identityOf(session);
  const at = (seconds: number) => afterCreation(session, seconds);
  const hostResult = (target: TargetRef, result: HostBackupStats, seconds: number, repository: Omit<NonNullable<HostResult['repository']>, 'repository'>): HostResult => ({
    type: 'host-result',
    session: id,
    target,
    result,
    finishedAt: at(seconds),
    repository: { repository: { namespace, name: 'local-repo' }, ...repository },
  });
  return [
    { type: 'session-started', session: id, at: at(1), deadline: at(3600), targets: [{ ref: db, totalHosts: 1 }, { ref: web, totalHosts: 2 }] },
    { type: 'session-condition', session: id, condition: { type: 'GlobalPreBackupHookSucceeded', status: 'True', reason: 'GlobalPreBackupHookExecutedSuccessfully', lastTransitionTime: at(2) } },
    { type: 'target-started', session: id, target: db, totalHosts: 1 },
    { type: 'target-started', session: id, target: web, totalHosts: 2 },
    { type: 'target-condition', session: id, target: web, condition: { type: 'BackupExecutorEnsured', status: 'True', reason: 'SuccessfullyEnsuredBackupExecutor', lastTransitionTime: at(3) } },
    hostResult(db, { hostname: 'host-0', phase: 'Succeeded', duration: '3.2s', snapshots: [snapshot('3f2a9c1d', 'dumpfile.sql', '4.000 MiB')] }, 20, {
      path: 'AppBinding/db', totalSizeBytes: 4 * MiB, snapshotCount: 1, snapshotsRemoved: 0, integrity: true,
    }),
    hostResult(web, { hostname: 'host-0', phase: 'Succeeded', duration: '5s', snapshots: [snapshot('7c41e0aa', '/data', '6.000 MiB')] }, 40, {
      path: 'StatefulSet/web', totalSizeBytes: 10 * MiB, snapshotCount: 1, snapshotsRemoved: 0,
    }),
    hostResult(web, { hostname: 'host-1', phase: 'Succeeded', duration: '5.5s', snapshots: [snapshot('9d0b22f3', '/data', '6.000 MiB')] }, 41, {
      path: 'StatefulSet/web', totalSizeBytes: 12 * MiB, snapshotCount: 2, snapshotsRemoved: 1,
    }),
    { type: 'session-condition', session: id, condition: { type: 'RetentionPolicyApplied', status: 'True', reason: 'SuccessfullyAppliedRetentionPolicy', lastTransitionTime: at(42) } },
    { type: 'session-finished', session: id, at: at(95.5) },
  ];
}

describe('BackupSession status from status events (real API server and JetStream)', () => {
  let older: BackupSession;
  let session: BackupSession;
  let events: BackupSessionEvent[];

  it('skips a session with the reason, a duration and an Event', async () => {
    older = await fixtures.createSession('app-backup-1000', 'app-backup');
    await fixtures.publishSessionEvents([{ type: 'session-skipped', session: identityOf(older), at: afterCreation(older, 0.25), reason: 'Previous BackupSession app-backup-0999 is Running.' }]);
    const skipped = await fixtures.waitForSession(older.metadata.name!, (s) => s.phase === 'Skipped', 'Skipped');
    expect(skipped.status).toMatchObject({
      phase: 'Skipped',
      sessionDuration: '250ms',
      conditions: expect.arrayContaining([
        expect.objectContaining({ type: 'BackupSkipped', status: 'True', reason: 'SkippedTakingNewBackup', message: 'Previous BackupSession app-backup-0999 is Running.' }),
      ]),
    });
    await eventually(async () => (await fixtures.eventsAbout(older.metadata.uid!)).some((e) => e.reason === 'BackupSessionSkipped'), { what: 'BackupSessionSkipped Event' });
  }, TEST_TIMEOUT_MS);

  it('aggregates a run into the status API.md describes, field by field', async () => {
    session = await fixtures.createSession('app-backup-2000', 'app-backup');
    events = successfulRun(session);
    await fixtures.publishSessionEvents(events);
    const done = await fixtures.waitForSession(
      session.metadata.name!,
      (s) => s.phase === 'Succeeded' && s.conditions?.some((c) => c.type === 'BackupHistoryCleaned') === true,
      'Succeeded with its history cleaned',
    );
    const at = (seconds: number) => afterCreation(session, seconds);
    expect(done.status).toEqual({
      phase: 'Succeeded',
      sessionDuration: '1m35.5s',
      sessionDeadline: at(3600),
      conditions: [
        { type: 'GlobalPreBackupHookSucceeded', status: 'True', reason: 'GlobalPreBackupHookExecutedSuccessfully', lastTransitionTime: at(2) },
        { type: 'RetentionPolicyApplied', status: 'True', reason: 'SuccessfullyAppliedRetentionPolicy', lastTransitionTime: at(42) },
        { type: 'BackupExecutionFinished', status: 'True', reason: 'ExecutionCompleted', message: 'The executor ran every member.', lastTransitionTime: at(95.5) },
        {
          type: 'BackupHistoryCleaned',
          status: 'True',
          reason: 'OldBackupSessionsCleaned',
          message: 'Deleted 1 finished session(s) of app-backup beyond backupHistoryLimit 1.',
          lastTransitionTime: expect.any(String),
        },
      ],
      targets: [
        {
          ref: db,
          totalHosts: 1,
          phase: 'Succeeded',
          stats: [{ hostname: 'host-0', phase: 'Succeeded', duration: '3.2s', snapshots: [snapshot('3f2a9c1d', 'dumpfile.sql', '4.000 MiB')] }],
        },
        {
          ref: web,
          totalHosts: 2,
          phase: 'Succeeded',
          conditions: [{ type: 'BackupExecutorEnsured', status: 'True', reason: 'SuccessfullyEnsuredBackupExecutor', lastTransitionTime: at(3) }],
          stats: [
            { hostname: 'host-0', phase: 'Succeeded', duration: '5s', snapshots: [snapshot('7c41e0aa', '/data', '6.000 MiB')] },
            { hostname: 'host-1', phase: 'Succeeded', duration: '5.5s', snapshots: [snapshot('9d0b22f3', '/data', '6.000 MiB')] },
          ],
        },
      ],
    });
  }, TEST_TIMEOUT_MS);

  it('records Events on the session: running, each host, the final phase', async () => {
    const reasons = await eventually(
      async () => {
        const found = await fixtures.eventsAbout(session.metadata.uid!);
        return found.length >= 5 ? found : undefined;
      },
      { what: 'five Events on the session' },
    );
    expect(reasons.map((e) => [e.type, e.reason, e.count, e.source?.component]).sort()).toEqual(
      [
        ['Normal', 'BackupSessionRunning', 1, 'restash-status'],
        ['Normal', 'HostBackupSucceeded', 1, 'restash-status'],
        ['Normal', 'HostBackupSucceeded', 1, 'restash-status'],
        ['Normal', 'HostBackupSucceeded', 1, 'restash-status'],
        ['Normal', 'BackupSessionSucceeded', 1, 'restash-status'],
      ].sort(),
    );
    expect(reasons.map((e) => e.message)).toEqual(
      expect.arrayContaining(['Backup of host host-0 of AppBinding/db succeeded in 3.2s.', 'Backup session succeeded in 1m35.5s.']),
    );
    expect(reasons[0]?.involvedObject).toMatchObject({ kind: 'BackupSession', name: session.metadata.name, uid: session.metadata.uid });
  }, TEST_TIMEOUT_MS);

  it('adds up the members\' numbers in the Repository status', async () => {
    const repository = await eventually(async () => {
      const found = await fixtures.repositories.get(namespace, 'local-repo');
      return found.status?.members?.length === 2 && found.status.snapshotCount === 3 ? found : undefined;
    }, { what: 'Repository totals' });
    expect(repository.status).toEqual({
      observedGeneration: 1,
      firstBackupTime: afterCreation(session, 20),
      lastBackupTime: afterCreation(session, 41),
      integrity: true,
      totalSize: '16.000 MiB',
      snapshotCount: 3,
      snapshotsRemovedOnLastCleanup: 1,
      members: [
        { path: 'AppBinding/db', totalSize: '4.000 MiB', totalSizeBytes: 4 * MiB, snapshotCount: 1, snapshotsRemovedOnLastCleanup: 0, integrity: true, lastBackupTime: afterCreation(session, 20), session: 'app-backup-2000', reportedAt: afterCreation(session, 20) },
        { path: 'StatefulSet/web', totalSize: '12.000 MiB', totalSizeBytes: 12 * MiB, snapshotCount: 2, snapshotsRemovedOnLastCleanup: 1, lastBackupTime: afterCreation(session, 41), session: 'app-backup-2000', reportedAt: afterCreation(session, 41) },
      ],
    });
  }, TEST_TIMEOUT_MS);

  it('keeps backupHistoryLimit (default 1) finished sessions: the older one is deleted', async () => {
    const names = (await fixtures.sessions.list(namespace)).map((s) => s.metadata.name);
    expect(names).toEqual([session.metadata.name]);
  }, TEST_TIMEOUT_MS);

  it('leaves every status untouched when all events are delivered again under new message ids', async () => {
    const sessionBefore = await fixtures.sessions.get(namespace, session.metadata.name!);
    const repositoryBefore = await fixtures.repositories.get(namespace, 'local-repo');
    const unchangedBefore = await counterValue(status, 'restash_status_events_processed_total', { result: 'unchanged' });
    await fixtures.publishSessionEvents(events, ':again');
    await eventually(
      async () => (await counterValue(status, 'restash_status_events_processed_total', { result: 'unchanged' })) >= unchangedBefore + events.length,
      { what: 'the repeated events processed' },
    );
    const sessionAfter = await fixtures.sessions.get(namespace, session.metadata.name!);
    const repositoryAfter = await fixtures.repositories.get(namespace, 'local-repo');
    expect(sessionAfter.metadata.resourceVersion).toBe(sessionBefore.metadata.resourceVersion);
    expect(repositoryAfter.metadata.resourceVersion).toBe(repositoryBefore.metadata.resourceVersion);
    expect((await fixtures.eventsAbout(session.metadata.uid!)).map((e) => e.count)).toEqual([1, 1, 1, 1, 1]);
    expect(await counterValue(status, 'restash_backup_sessions_total', { namespace, invoker: 'app-backup', phase: 'Succeeded' })).toBe(1);
  }, TEST_TIMEOUT_MS);
});
