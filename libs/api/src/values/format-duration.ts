const NS_PER_US = 1e3;
const NS_PER_MS = 1e6;
const NS_PER_SECOND = 1e9;
const NS_PER_MINUTE = 60e9;

/** `value / unit` written with the fraction's trailing zeros removed, e.g. (1500, 1000) → "1.5". */
function decimal(value: number, unit: number): string {
  const whole = Math.floor(value / unit);
  const fraction = value % unit;
  if (fraction === 0) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

function formatBelowOneSecond(nanoseconds: number): string {
  if (nanoseconds < NS_PER_US) return `${nanoseconds}ns`;
  if (nanoseconds < NS_PER_MS) return `${decimal(nanoseconds, NS_PER_US)}µs`;
  return `${decimal(nanoseconds, NS_PER_MS)}ms`;
}

function formatFromOneSecond(nanoseconds: number): string {
  const seconds = `${decimal(nanoseconds % NS_PER_MINUTE, NS_PER_SECOND)}s`;
  const totalMinutes = Math.floor(nanoseconds / NS_PER_MINUTE);
  if (totalMinutes === 0) return seconds;
  const hours = Math.floor(totalMinutes / 60);
  return `${hours ? `${hours}h` : ''}${totalMinutes % 60}m${seconds}`;
}

/** Milliseconds written like Go's time.Duration.String(): "0s", "150ms", "2.003s", "1m30.5s", "1h0m0s". */
export function formatDuration(milliseconds: number): string {
  const nanoseconds = Math.round(Math.abs(milliseconds) * NS_PER_MS);
  if (nanoseconds === 0) return '0s';
  const sign = milliseconds < 0 ? '-' : '';
  const text = nanoseconds < NS_PER_SECOND ? formatBelowOneSecond(nanoseconds) : formatFromOneSecond(nanoseconds);
  return sign + text;
}
