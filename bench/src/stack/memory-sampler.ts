import { processMemory } from './process-memory.js';

/** A process to watch, by the name the report gives it. */
export interface WatchedProcess {
  name: string;
  pid: number;
}

/** What a process's resident memory was while sampled. */
export interface MemoryReading {
  name: string;
  /** The largest RSS a sample saw. */
  maxRssBytes: number;
  /** The kernel's high-water mark at the last sample: the peak since the process started. */
  peakRssBytes: number;
  samples: number;
}

/** Samples the RSS of processes every `intervalMs` until stopped; a process that ended keeps what was seen. */
export class MemorySampler {
  private readonly readings = new Map<string, MemoryReading>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  constructor(
    private readonly processes: readonly WatchedProcess[],
    private readonly intervalMs = 250,
  ) {}

  start(): this {
    this.sampling = this.sample();
    this.timer = setInterval(() => (this.sampling = this.sample()), this.intervalMs);
    return this;
  }

  async stop(): Promise<MemoryReading[]> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample();
    return [...this.readings.values()];
  }

  private async sample(): Promise<void> {
    await Promise.all(this.processes.map((process) => this.sampleOne(process)));
  }

  private async sampleOne({ name, pid }: WatchedProcess): Promise<void> {
    const memory = await processMemory(pid).catch(() => undefined);
    if (!memory) return;
    const seen = this.readings.get(name);
    this.readings.set(name, {
      name,
      maxRssBytes: Math.max(seen?.maxRssBytes ?? 0, memory.rssBytes),
      peakRssBytes: Math.max(seen?.peakRssBytes ?? 0, memory.peakRssBytes),
      samples: (seen?.samples ?? 0) + 1,
    });
  }
}
