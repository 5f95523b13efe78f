import { SHORT_ID_LENGTH } from './backup-output.js';

export interface Snapshot {
  id: string;
  shortId: string;
  time: string;
  hostname: string;
  paths: string[];
  tags: string[];
  parent?: string;
}

interface SnapshotJson {
  id: string;
  short_id?: string;
  time: string;
  hostname: string;
  paths?: string[] | null;
  tags?: string[] | null;
  parent?: string;
}

/** Pure: `restic snapshots --json` stdout, oldest first as restic lists them. */
export function parseSnapshots(stdout: string): Snapshot[] {
  const json = stdout.split('\n').find((line) => line.startsWith('['));
  return json ? (JSON.parse(json) as SnapshotJson[]).map(toSnapshot) : [];
}

function toSnapshot(json: SnapshotJson): Snapshot {
  return {
    id: json.id,
    shortId: json.short_id ?? json.id.slice(0, SHORT_ID_LENGTH),
    time: json.time,
    hostname: json.hostname,
    paths: json.paths ?? [],
    tags: json.tags ?? [],
    ...(json.parent ? { parent: json.parent } : {}),
  };
}
