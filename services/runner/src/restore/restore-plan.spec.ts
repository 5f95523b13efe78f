import type { Snapshot } from '@restash/restic';
import { ruleForHost, selectSnapshots, SnapshotSelectionError } from './restore-plan.js';

const REPO = 'local:/backup/deployment/wordpress';
const snapshot = (id: string, hostname: string, paths: string[], time: string): Snapshot => ({ id: `${id}${'0'.repeat(56)}`, shortId: id, hostname, paths, time, tags: [] });
const snapshots = [
  snapshot('aaaaaaaa', 'host-0', ['/var/www/html'], '2026-03-01T10:00:00Z'),
  snapshot('bbbbbbbb', 'host-0', ['/var/www/html'], '2026-03-01T11:00:00Z'),
  snapshot('cccccccc', 'host-0', ['/etc/config'], '2026-03-01T09:00:00Z'),
  snapshot('dddddddd', 'host-1', ['/var/www/html'], '2026-03-01T12:00:00Z'),
];
const ids = (planned: ReturnType<typeof selectSnapshots>) => planned.map((p) => [p.snapshot.shortId, p.include]);

describe('ruleForHost', () => {
  it('gives every host its own latest snapshots when there are no rules', () => {
    expect(ruleForHost([], 'host-3')).toEqual({});
  });

  it('takes the first rule that names the host or names no hosts, and none when all name others', () => {
    const rules = [{ targetHosts: ['host-0'], sourceHost: 'host-1' }, { targetHosts: ['host-1', 'host-2'], snapshots: ['bbbbbbbb'] }];
    expect(ruleForHost(rules, 'host-0')).toBe(rules[0]);
    expect(ruleForHost(rules, 'host-2')).toBe(rules[1]);
    expect(ruleForHost(rules, 'host-9')).toBeUndefined();
    expect(ruleForHost([...rules, { paths: ['/x'] }], 'host-9')).toEqual({ paths: ['/x'] });
  });
});

describe('selectSnapshots', () => {
  it('restores the latest snapshot of each path the host backed up', () => {
    expect(ids(selectSnapshots({}, 'host-0', snapshots, REPO))).toEqual([['bbbbbbbb', []], ['cccccccc', []]]);
    expect(ids(selectSnapshots({ snapshots: ['latest'] }, 'host-0', snapshots, REPO))).toEqual([['bbbbbbbb', []], ['cccccccc', []]]);
  });

  it('restores another host’s data with sourceHost', () => {
    expect(ids(selectSnapshots({ sourceHost: 'host-1' }, 'host-0', snapshots, REPO))).toEqual([['dddddddd', []]]);
  });

  it('restores only the paths asked for: a whole snapshot, or one path inside one', () => {
    expect(ids(selectSnapshots({ paths: ['/etc/config'] }, 'host-0', snapshots, REPO))).toEqual([['cccccccc', []]]);
    expect(ids(selectSnapshots({ paths: ['/var/www/html/wp-content'] }, 'host-0', snapshots, REPO))).toEqual([['bbbbbbbb', ['/var/www/html/wp-content']]]);
  });

  it('takes snapshots by full or short id, whatever host made them, with the rule’s include and exclude', () => {
    const planned = selectSnapshots({ snapshots: ['aaaaaaaa', snapshots[3]!.id], exclude: ['*.log'] }, 'host-0', snapshots, REPO);
    expect(planned.map((p) => [p.snapshot.shortId, p.exclude])).toEqual([['aaaaaaaa', ['*.log']], ['dddddddd', ['*.log']]]);
    expect(selectSnapshots({ snapshots: ['aaaaaaaa'], include: ['/var/www/html/a'], paths: ['/var/www/html/b'] }, 'host-0', snapshots, REPO)[0]!.include).toEqual(['/var/www/html/a']);
  });

  it('says which snapshot, host or path the repository lacks', () => {
    expect(() => selectSnapshots({ snapshots: ['1234abcd'] }, 'host-0', snapshots, REPO)).toThrow(new SnapshotSelectionError(`snapshot 1234abcd not found in repository ${REPO}`));
    expect(() => selectSnapshots({}, 'host-7', snapshots, REPO)).toThrow(`no snapshot of host host-7 in repository ${REPO}`);
    expect(() => selectSnapshots({ paths: ['/srv'] }, 'host-0', snapshots, REPO)).toThrow(`no snapshot of host host-0 holds /srv in repository ${REPO}`);
  });
});
