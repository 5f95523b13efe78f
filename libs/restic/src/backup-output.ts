/** What a finished `restic backup` reports. */
export interface BackupSummary {
  snapshotId: string;
  shortId: string;
  filesNew: number;
  filesChanged: number;
  filesUnmodified: number;
  totalFilesProcessed: number;
  totalBytesProcessed: number;
  dataAdded: number;
  durationSeconds: number;
}

export interface BackupProgress {
  /** 0..1 */
  percentDone: number;
  filesDone: number;
  totalFiles: number;
  bytesDone: number;
  totalBytes: number;
}

export type BackupMessage = { type: 'status'; progress: BackupProgress } | { type: 'summary'; summary: BackupSummary } | { type: 'other' };

interface StatusLine {
  message_type: 'status';
  percent_done?: number;
  files_done?: number;
  total_files?: number;
  bytes_done?: number;
  total_bytes?: number;
}

interface SummaryLine {
  message_type: 'summary';
  snapshot_id?: string;
  files_new?: number;
  files_changed?: number;
  files_unmodified?: number;
  total_files_processed?: number;
  total_bytes_processed?: number;
  data_added?: number;
  total_duration?: number;
}

export const SHORT_ID_LENGTH = 8;

/** Pure: one stdout line of `restic backup --json` (restic 0.14 omits zero-valued fields). */
export function parseBackupLine(line: string): BackupMessage {
  let value: StatusLine | SummaryLine | { message_type?: unknown };
  try {
    value = JSON.parse(line) as typeof value;
  } catch {
    return { type: 'other' };
  }
  if (value.message_type === 'status') return { type: 'status', progress: progressOf(value as StatusLine) };
  if (value.message_type === 'summary') return { type: 'summary', summary: summaryOf(value as SummaryLine) };
  return { type: 'other' };
}

function progressOf(line: StatusLine): BackupProgress {
  return {
    percentDone: line.percent_done ?? 0,
    filesDone: line.files_done ?? 0,
    totalFiles: line.total_files ?? 0,
    bytesDone: line.bytes_done ?? 0,
    totalBytes: line.total_bytes ?? 0,
  };
}

function summaryOf(line: SummaryLine): BackupSummary {
  const snapshotId = line.snapshot_id ?? '';
  return {
    snapshotId,
    shortId: snapshotId.slice(0, SHORT_ID_LENGTH),
    filesNew: line.files_new ?? 0,
    filesChanged: line.files_changed ?? 0,
    filesUnmodified: line.files_unmodified ?? 0,
    totalFilesProcessed: line.total_files_processed ?? 0,
    totalBytesProcessed: line.total_bytes_processed ?? 0,
    dataAdded: line.data_added ?? 0,
    durationSeconds: line.total_duration ?? 0,
  };
}
