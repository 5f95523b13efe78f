import type { MemoryReading } from '../stack/memory-sampler.js';
import type { ResultSection } from './result-section.js';
import { megabytes } from './units.js';

/** The services' memory while a benchmark ran, e.g. `1,000 batches registered`. */
export interface MemoryPhase {
  phase: string;
  readings: MemoryReading[];
}

const LIMIT_BYTES = 150e6;

/** Pure: benchmark 4, the services' resident memory in each phase measured, and the largest per service against the 150 MB target. */
export function memorySection(phases: readonly MemoryPhase[], meta: Pick<ResultSection, 'command' | 'measuredAt' | 'machine'>): ResultSection {
  const services = [...new Set(phases.flatMap((phase) => phase.readings.map((reading) => serviceOf(reading.name))))].sort();
  const reading = (phase: MemoryPhase, service: string) => phase.readings.filter((r) => serviceOf(r.name) === service);
  return {
    id: 'memory',
    title: '4. Memory: resident set of each service',
    ...meta,
    figures: services.map((service) => {
      const largest = Math.max(...phases.flatMap((phase) => reading(phase, service).map((r) => r.maxRssBytes)));
      return { name: `${service}, largest RSS seen`, shown: megabytes(largest), value: largest / 1e6, target: { bound: 'max', value: LIMIT_BYTES / 1e6, text: '≤ 150 MB' } };
    }),
    tables: [
      {
        title: 'Largest RSS sampled (every 250 ms) per phase; replicas of a service side by side',
        columns: ['phase', ...services],
        rows: phases.map((phase) => [phase.phase, ...services.map((service) => cell(reading(phase, service)))]),
      },
    ],
    notes: [
      'RSS is VmRSS of the service process (`/proc/<pid>/status`), sampled every 250 ms while the phase ran; MB = 10⁶ bytes.',
      'Phases not listed were not part of this run (`./dev bench throughput schedule` measures both).',
    ],
  };
}

/** `executor-2` is a replica of `executor`. */
function serviceOf(name: string): string {
  return name.replace(/-\d+$/, '');
}

function cell(readings: readonly MemoryReading[]): string {
  return readings.length === 0 ? '—' : readings.map((r) => megabytes(r.maxRssBytes)).join(' / ');
}
