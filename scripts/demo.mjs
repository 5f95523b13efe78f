// The demo `./dev demo` runs once the whole stack is up: Stash's WordPress + MySQL example, applied
// unchanged with kubectl, backed up by one BackupBatch. Every step is a kubectl command you could type.
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

async function backup() {
  step('Apply the BackupBatch (both members, one configuration) and an instant BackupSession');
  console.log(kubectl('apply', '-f', join(examples, 'backupbatch.yaml'), '-f', join(examples, 'backupsession.yaml')).trim());
  const seen = new Map();
  const session = await waitFor('the backup session to finish', () => {
    const current = json('get', 'backupsession', '-n', namespace, 'wordpress-backup-instant');
    for (const target of current.status?.targets ?? []) {
      const line = `${target.ref.kind}/${target.ref.name}: ${target.phase ?? 'Pending'}${(target.stats ?? []).map((s) => ` [${s.hostname} ${s.phase} ${s.duration ?? ''}${s.error ? ` ${s.error}` : ''}]`).join('')}`;
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

await prepareApplication();
await backup();
console.log('\nThe stack is still up: try `source .stack/activate && kubectl get backupsession -n demo -w`; `./dev down` stops it.');
