/** Pure: rows as kubectl prints them: upper-case headers, columns padded to their widest cell, 3 spaces apart. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cells = [headers.map((h) => h.toUpperCase()), ...rows.map((row) => headers.map((_, i) => row[i] || '-'))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...row[column]!].length)));
  return cells.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join('   ').trimEnd()).join('\n');
}
