import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile, resolveArgs, type Stage } from '../../support/dockerfile.js';
import { repoRoot } from '../../support/stack-env.js';

// No Docker engine here: the image cannot be built, so its Dockerfile is checked as text.
const dockerfile = parseDockerfile(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const runtime = dockerfile.stages.at(-1)!;
const build = dockerfile.stages[0]!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('Dockerfile', () => {
  it('is multi-stage: builds with pnpm and scripts/build.mjs, runs on node:20-bookworm-slim', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    expect(resolveArgs(runtime.image, dockerfile.args)).toBe('node:20-bookworm-slim');
    const runs = all(build, 'RUN').join('\n');
    const packageManager = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).packageManager as string;
    const pnpmVersion = all(build, 'ARG').find((a) => a.startsWith('PNPM_VERSION='))?.split('=')[1];
    expect(`pnpm@${pnpmVersion}`).toBe(packageManager);
    expect(runs).toMatch(/pnpm install --offline --frozen-lockfile\n/);
    expect(runs).toContain('node scripts/build.mjs');
    expect(runs).toContain('pnpm install --offline --frozen-lockfile --prod');
  });

  it('installs restic and the MariaDB/PostgreSQL clients from Debian in the runtime image', () => {
    const install = all(runtime, 'RUN').find((run) => run.includes('apt-get install'))!;
    for (const pkg of ['restic', 'mariadb-client', 'postgresql-client', 'ca-certificates']) expect(install.split(' ')).toContain(pkg);
    expect(install).toContain('rm -rf /var/lib/apt/lists/*');
  });

  it('runs as a non-root user with bin/restash as its entry point', () => {
    const user = all(runtime, 'USER');
    expect(user).toHaveLength(1);
    const [uid] = user[0]!.split(':');
    expect(Number(uid)).toBeGreaterThan(0);
    expect(all(runtime, 'RUN').join('\n')).toContain(`--uid ${uid}`);
    expect(all(runtime, 'ENTRYPOINT')).toEqual(['["/app/bin/restash"]']);
    expect(all(runtime, 'COPY')).toEqual(expect.arrayContaining(['--from=build /app/bin ./bin', '--from=build /app/services ./services', '--from=build /app/libs ./libs']));
    // The chart runs the pods as this user.
    const values = readFileSync(join(repoRoot, 'deploy/helm/restash/values.yaml'), 'utf8');
    expect(values).toContain(`runAsUser: ${uid}`);
  });

  it('copies from existing stages and existing files only, and leaves local state out of the build context', () => {
    const names = dockerfile.stages.map((s) => s.name);
    for (const stage of dockerfile.stages) {
      for (const copy of all(stage, 'COPY')) {
        const from = /--from=(\S+)/.exec(copy)?.[1];
        if (from) expect(names.slice(0, stage.index)).toContain(from);
        else for (const source of copy.split(' ').slice(0, -1)) expect([source, existsSync(join(repoRoot, source))]).toEqual([source, true]);
      }
    }
    for (const path of ['.git', '.stack', '.cache', '**/node_modules', '**/dist']) expect(ignored).toContain(path);
    for (const needed of ['scripts', 'libs', 'services', 'bin', '.swcrc', 'pnpm-lock.yaml']) expect(ignored).not.toContain(needed);
    expect(existsSync(join(repoRoot, 'bin', 'restash'))).toBe(true);
  });
});
