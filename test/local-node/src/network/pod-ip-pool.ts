/**
 * Pod addresses from a /16 (default 198.18.0.0/16): .0.1, .0.2 … .0.254, .1.1 …, lowest free first, reused after
 * release. Not 127.0.0.0/8: the API server rejects loopback addresses in Endpoints and EndpointSlices.
 */
export class PodIPPool {
  private readonly byIP = new Map<string, string>();
  private readonly byPod = new Map<string, string>();
  private readonly prefix: string;

  constructor(readonly network = '198.18.0.0/16') {
    const match = /^(\d+\.\d+)\.0\.0\/16$/.exec(network);
    if (!match) throw new Error(`pod network ${network} must be an IPv4 /16 such as 198.18.0.0/16`);
    this.prefix = match[1]!;
  }

  /** Keeps the address a pod already has (a pod adopted from a previous run). False when another pod holds it. */
  reserve(podUid: string, ip: string): boolean {
    if (!this.contains(ip)) return false;
    const holder = this.byIP.get(ip);
    if (holder !== undefined && holder !== podUid) return false;
    this.byIP.set(ip, podUid);
    this.byPod.set(podUid, ip);
    return true;
  }

  allocate(podUid: string): string {
    const existing = this.byPod.get(podUid);
    if (existing) return existing;
    for (let n = 0; n < 256 * 254; n++) {
      const ip = `${this.prefix}.${Math.floor(n / 254)}.${1 + (n % 254)}`;
      if (!this.byIP.has(ip)) {
        this.reserve(podUid, ip);
        return ip;
      }
    }
    throw new Error(`no free pod address left in ${this.network}`);
  }

  release(podUid: string): void {
    const ip = this.byPod.get(podUid);
    if (ip === undefined) return;
    this.byPod.delete(podUid);
    this.byIP.delete(ip);
  }

  ipOf(podUid: string): string | undefined {
    return this.byPod.get(podUid);
  }

  contains(ip: string): boolean {
    return ip.startsWith(`${this.prefix}.`);
  }
}
