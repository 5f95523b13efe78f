import { meetsTarget, type Figure, type ResultSection, type Table } from './result-section.js';

/** Pure: one benchmark's section of RESULTS.md. */
export function sectionMarkdown(section: ResultSection): string {
  return [
    `## ${section.title}`,
    '',
    `Measured ${section.measuredAt.toISOString().replace(/\.\d+Z$/, 'Z')} by \`${section.command}\` on ${section.machine}.`,
    '',
    figuresTable(section.figures),
    ...section.tables.flatMap((table) => ['', tableMarkdown(table)]),
    ...(section.notes.length > 0 ? ['', ...section.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

/** Pure: the headline figures with their targets and verdicts. */
export function figuresTable(figures: readonly Figure[]): string {
  return tableMarkdown({
    title: '',
    columns: ['figure', 'measured', 'target', 'verdict'],
    rows: figures.map((figure) => [figure.name, figure.shown, figure.target?.text ?? '—', verdict(figure)]),
  });
}

function verdict(figure: Figure): string {
  const met = meetsTarget(figure);
  const word = met === undefined ? '—' : met ? '**met**' : '**not met**';
  return figure.note ? `${word} (${figure.note})` : word;
}

/** Pure: a Markdown table, its title in bold above it when it has one; `|` in cells is escaped. */
export function tableMarkdown(table: Table): string {
  const row = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  const lines = [row(table.columns), row(table.columns.map(() => '---')), ...table.rows.map(row)];
  return table.title ? [`**${table.title}**`, '', ...lines].join('\n') : lines.join('\n');
}
