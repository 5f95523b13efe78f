import { stringify } from 'yaml';
import type { OutputFormat } from '../args/parse-args.js';

/** What a command produced: data for -o json|yaml, and its readable form for the default table output. */
export interface CommandOutput {
  data: unknown;
  table: string;
}

/** Pure: the text to print for the chosen output format (always ending with one newline). */
export function renderOutput(output: CommandOutput, format: OutputFormat): string {
  const text = format === 'json' ? JSON.stringify(output.data, null, 2) : format === 'yaml' ? stringify(output.data, { lineWidth: 0 }) : output.table;
  return text.endsWith('\n') ? text : `${text}\n`;
}
