import { execFileSync } from 'node:child_process';

/**
 * Makes every address of the pod network local to this machine (the "AnyIP" local route on lo), so a pod process can
 * listen on its own pod IP and everything on the host can reach it, without one address per pod on an interface.
 */
export function addPodNetworkRoute(network: string): void {
  execFileSync('ip', ['route', 'replace', 'local', network, 'dev', 'lo'], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function removePodNetworkRoute(network: string): void {
  try {
    execFileSync('ip', ['route', 'del', 'local', network, 'dev', 'lo'], { stdio: 'ignore' });
  } catch {
    // already gone
  }
}
