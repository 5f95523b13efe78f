// The demo `./dev demo` runs once the whole stack is up: Stash's WordPress + MySQL example, applied
// unchanged with kubectl, backed up by one BackupBatch, wiped, and restored by one RestoreBatch.
// Every step is a kubectl command you could type.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stack = process.env.RESTASH_STACK_DIR ?? join(root, '.stack');
const examples = join(root, 'deploy/examples/wordpress');
const namespace = 'demo';
const repositoryDir = '/tmp/restash-demo-repo';

const kubectl = (...args) =>
  execFileSync(join(root, '.cache/bin/kubectl'), ['--kubeconfig', join(stack, 'kubeconfig'), ...args], { encoding: 'utf8' });
const step = (text) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, probe, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000}s`);
    await sleep(1000);
  }
}

function json(...args) {
  return JSON.parse(kubectl(...args, '-o', 'json'));
}

function mysql(sql) {
  return kubectl('exec', '-n', namespace, 'deploy/wordpress-mysql', '--', 'sh', '-c', `mariadb -uroot -p"$MYSQL_ROOT_PASSWORD" -N -e "${sql}"`);
}

async function prepareApplication() {
  step('Start from a clean demo namespace and repository');
  kubectl('delete', 'namespace', namespace, '--ignore-not-found', '--wait=true', '--timeout=120s');
  rmSync(repositoryDir, { recursive: true, force: true });
  mkdirSync(repositoryDir, { recursive: true });

  step('Apply the application: MySQL (Deployment + PVC + Service + AppBinding) and WordPress (Deployment + PVC)');
  kubectl('apply', '-f', join(examples, 'namespace.yaml'));
  console.log(kubectl('apply', '-f', join(examples, 'repository.yaml'), '-f', join(examples, 'mysql.yaml'), '-f', join(examples, 'wordpress.yaml')).trim());
  kubectl('wait', '-n', namespace, '--for=condition=Available', 'deploy/wordpress-mysql', 'deploy/wordpress', '--timeout=180s');

  step('Write some data: rows in MySQL, files in WordPress’ volume');
  await waitFor('MySQL accepting connections', () => {
    try {
      mysql('SELECT 1');
      return true;
    } catch {
      return false;
    }
  });
  mysql('CREATE DATABASE IF NOT EXISTS wordpress; CREATE TABLE IF NOT EXISTS wordpress.posts (id INT PRIMARY KEY, title TEXT); REPLACE INTO wordpress.posts VALUES (1, \'Hello restash\'), (2, \'Backups that restore\');');
  kubectl('exec', '-n', namespace, 'deploy/wordpress', '-c', 'wordpress', '--', 'sh', '-c',
    'mkdir -p /var/www/html/wp-content/uploads && echo "<?php // WordPress" > /var/www/html/index.php && date > /var/www/html/wp-content/uploads/photo.txt');
  console.log(`  posts: ${mysql('SELECT COUNT(*) FROM wordpress.posts').trim()} rows; files: ${kubectl('exec', '-n', namespace, 'deploy/wordpress', '-c', 'wordpress', '--', 'find', '/var/www/html', '-type', 'f').trim().split('\n').join(', ')}`);
}

/** A member's BackupProgress condition (restic's percent done, reported by the runner), e.g. " (host-0: 42% done)". */
function progressOf(target) {
  const progress = target.conditions?.find((condition) => condition.type === 'BackupProgress');
  return progress ? ` (${progress.message})` : '';
}

async function backup() {
  step('Apply the BackupBatch (both members, one configuration) and an instant BackupSession');
  console.log(kubectl('apply', '-f', join(examples, 'backupbatch.yaml'), '-f', join(examples, 'backupsession.yaml')).trim());
  await followSession('wordpress-backup-instant');
}

async function backupWithJobsOnly() {
  step('Back up the database and WordPress’ volume with Jobs only (AppBinding + PersistentVolumeClaim members, Sequential)');
  console.log(kubectl('apply', '-f', join(root, 'deploy/examples/job-model/backupbatch.yaml')).trim());
  await followSession('wordpress-volumes-instant');
}

async function followSession(name) {
  const seen = new Map();
  const session = await waitFor(`backup session ${name} to finish`, () => {
    const current = json('get', 'backupsession', '-n', namespace, name);
    for (const target of current.status?.targets ?? []) {
      const line = `${target.ref.kind}/${target.ref.name}: ${target.phase ?? 'Pending'}${progressOf(target)}${(target.stats ?? []).map((s) => ` [${s.hostname} ${s.phase} ${s.duration ?? ''}${s.error ? ` ${s.error}` : ''}]`).join('')}`;
      if (seen.get(target.ref.name) !== line) console.log(`  ${line}`);
      seen.set(target.ref.name, line);
    }
    return ['Succeeded', 'Failed', 'Skipped'].includes(current.status?.phase) ? current : undefined;
  });
  console.log(`  session ${session.status.phase} in ${session.status.sessionDuration}`);
  step('kubectl get backupbatch,backupsession,repository -n demo');
  console.log(kubectl('get', 'backupbatch,backupsession,repository', '-n', namespace).trim());
  if (session.status.phase !== 'Succeeded') throw new Error('the backup did not succeed; see kubectl describe backupsession -n demo');
}

/** What the restore must bring back: the posts' rows and a checksum of every WordPress file. */
function applicationState() {
  const files = kubectl('exec', '-n', namespace, 'deploy/wordpress', '-c', 'wordpress', '--', 'sh', '-c', 'cd /var/www/html && find . -type f | sort | xargs md5sum');
  return { posts: mysql('SELECT id, title FROM wordpress.posts ORDER BY id').trim(), files: files.trim() };
}

async function restore() {
  const before = applicationState();
  step('Wipe the data: drop the posts table, delete one WordPress file and deface another');
  mysql('DROP TABLE wordpress.posts');
  kubectl('exec', '-n', namespace, 'deploy/wordpress', '-c', 'wordpress', '--', 'sh', '-c', 'rm /var/www/html/wp-content/uploads/photo.txt && echo defaced > /var/www/html/index.php');
  console.log(`  tables: ${mysql('SHOW TABLES FROM wordpress').trim() || 'none'}; files: ${kubectl('exec', '-n', namespace, 'deploy/wordpress', '-c', 'wordpress', '--', 'find', '/var/www/html', '-type', 'f').trim().split('\n').join(', ')}`);

  step('Apply the RestoreBatch: the database first (a restore Job), then WordPress’ files (the stash-init container)');
  console.log(kubectl('apply', '-f', join(examples, 'restorebatch.yaml')).trim());
  const seen = new Map();
  const restored = await waitFor('the restore to finish', () => {
    const current = json('get', 'restorebatch', '-n', namespace, 'wordpress-restore');
    for (const member of current.status?.members ?? []) {
      const line = `${member.ref.kind}/${member.ref.name}: ${member.phase ?? 'Pending'}${(member.stats ?? []).map((s) => ` [${s.hostname} ${s.phase} ${s.duration ?? ''}${s.error ? ` ${s.error}` : ''}]`).join('')}`;
      if (seen.get(member.ref.name) !== line) console.log(`  ${line}`);
      seen.set(member.ref.name, line);
    }
    return ['Succeeded', 'Failed', 'Invalid'].includes(current.status?.phase) ? current : undefined;
  });
  console.log(`  restore ${restored.status.phase} in ${restored.status.sessionDuration}`);
  if (restored.status.phase !== 'Succeeded') throw new Error('the restore did not succeed; see kubectl describe restorebatch -n demo');

  step('Proof: the rows and every file match what was backed up');
  await waitFor('the WordPress pod without the stash-init container', () => {
    const deployment = json('get', 'deploy', '-n', namespace, 'wordpress');
    if ((deployment.spec.template.spec.initContainers ?? []).length > 0) return false;
    kubectl('rollout', 'status', '-n', namespace, 'deploy/wordpress', '--timeout=120s');
    return true;
  });
  const after = applicationState();
  console.log(`  posts:\n${after.posts.replace(/^/gm, '    ')}\n  files (md5):\n${after.files.replace(/^/gm, '    ')}`);
  if (after.posts !== before.posts || after.files !== before.files) throw new Error('the restored data differs from the backup');
  console.log('  ✔ identical to the backup');
  step('kubectl get restorebatch -n demo');
  console.log(kubectl('get', 'restorebatch', '-n', namespace).trim());
}

await prepareApplication();
await backup();
await backupWithJobsOnly();
await restore();
console.log('\nThe stack is still up: try `source .stack/activate && kubectl get backupsession -n demo -w`; `./dev down` stops it.');
