/** A bound a figure should stay within, as the issue states it. */
export interface Target {
  /** `max`: the figure must not exceed `value`; `min`: it must reach it. */
  bound: 'max' | 'min';
  value: number;
  /** How the report writes the target, e.g. `≤ 1.10×`. */
  text: string;
}

/** One headline figure of a benchmark, with its target when it has one. */
export interface Figure {
  name: string;
  /** The figure as the report writes it, e.g. `1.07×`. */
  shown: string;
  value?: number;
  target?: Target;
  /** Why a target is out of reach, or what the figure leaves out. */
  note?: string;
}

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

/** What one benchmark reports: its headline figures against their targets, the detail behind them, and how it was measured. */
export interface ResultSection {
  /** The block of RESULTS.md this section replaces, e.g. `data-path`. */
  id: string;
  title: string;
  /** The command that produced the figures. */
  command: string;
  measuredAt: Date;
  machine: string;
  figures: Figure[];
  tables: Table[];
  notes: string[];
}

/** Pure: whether the figure meets its target; undefined without a target or a value. */
export function meetsTarget(figure: Figure): boolean | undefined {
  if (!figure.target || figure.value === undefined || Number.isNaN(figure.value)) return undefined;
  return figure.target.bound === 'max' ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}
