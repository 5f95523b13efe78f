/** A MariaDB string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A MariaDB identifier. */
export function sqlIdentifier(value: string): string {
  return `\`${value.replace(/`/g, '``')}\``;
}
