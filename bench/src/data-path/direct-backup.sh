#!/usr/bin/env bash
# The data-path benchmark's baseline: for each member, in order, the restic commands restash's runner
# runs for it (libs/restic, services/runner/src/backup), run directly with nothing around them.
#
#   direct-backup.sh paths <repository> <directory> | postgres <repository> <database> ...
#
# Environment: RESTIC_PASSWORD, RESTIC_CACHE_DIR, KEEP_LAST; for postgres PGHOST, PGPORT, PGUSER, PGPASSWORD.
set -euo pipefail

restic_() { restic --cache-dir "$RESTIC_CACHE_DIR" "$@"; }

# As the runner does: listing the locks tells whether the repository exists (and which locks a runner that
# ended left, for it to remove), `init` creates it when it does not.
ensure_repository() { restic_ list locks --no-lock >/dev/null 2>&1 || restic_ init >/dev/null; }

# restic 0.14's backup summary names the snapshot by its short id; the runner looks the full id up.
look_up_snapshot() {
  local id
  id=$(grep '"message_type":"summary"' | sed -E 's/.*"snapshot_id":"([0-9a-f]+)".*/\1/')
  restic_ snapshots --json --no-lock -- "$id" >/dev/null
}

# The batch's retention policy on this host's snapshots, then the repository's numbers for its status.
retention_and_stats() {
  restic_ forget --json --keep-last "$KEEP_LAST" --group-by host,paths --host host-0 --prune >/dev/null
  restic_ stats --json --mode raw-data >/dev/null
}

backup_paths() { # repository directory
  export RESTIC_REPOSITORY=$1
  ensure_repository
  RESTIC_PROGRESS_FPS=1 restic_ backup --json --host host-0 -- "$2" | look_up_snapshot
  retention_and_stats
}

backup_postgres() { # repository database
  export RESTIC_REPOSITORY=$1
  ensure_repository
  pg_dump --host "$PGHOST" --port "$PGPORT" --username "$PGUSER" --no-password --clean --if-exists --dbname "$2" |
    RESTIC_PROGRESS_FPS=1 restic_ backup --json --stdin --stdin-filename dumpfile.sql --host host-0 | look_up_snapshot
  retention_and_stats
}

while [ $# -gt 0 ]; do
  case $1 in
    paths) backup_paths "$2" "$3"; shift 3 ;;
    postgres) backup_postgres "$2" "$3"; shift 3 ;;
    *) echo "direct-backup.sh: unknown member kind '$1'" >&2; exit 2 ;;
  esac
done
