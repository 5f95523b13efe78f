import { eventName } from './event-name.js';
import type { InvolvedObject } from './involved-object.js';
import type { Notice } from './notice.js';

const session: InvolvedObject = { apiVersion: 'stash.appscode.com/v1beta1', kind: 'BackupSession', namespace: 'demo', name: 'batch-1772359200', uid: 'u1' };
const notice: Notice = { type: 'Warning', reason: 'HostBackupFailed', message: 'Backup of host host-0 of AppBinding/db failed: access denied' };

describe('eventName', () => {
  it('is the same for the same object, type, reason and message', () => {
    expect(eventName(session, notice)).toBe(eventName({ ...session }, { ...notice }));
    expect(eventName(session, notice)).toMatch(/^batch-1772359200\.[0-9a-f]{16}$/);
  });

  it('differs when any part of the key differs, including a recreated object of the same name', () => {
    const names = new Set([
      eventName(session, notice),
      eventName({ ...session, uid: 'u2' }, notice),
      eventName(session, { ...notice, type: 'Normal' }),
      eventName(session, { ...notice, reason: 'HostBackupSucceeded' }),
      eventName(session, { ...notice, message: 'Backup of host host-1 of AppBinding/db failed: access denied' }),
    ]);
    expect(names.size).toBe(5);
  });

  it('stays a valid object name for long object names', () => {
    expect(eventName({ ...session, name: 'x'.repeat(253) }, notice)).toHaveLength(253);
  });
});
