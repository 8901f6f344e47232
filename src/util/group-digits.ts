/**
 * A whole number with commas between groups of three digits, as `toLocaleString('en-US')`
 * writes it. Intl's first use in a thread loads its number formats: 12-17 ms at the end of
 * every run that printed its summary (21 of a 1-minute run's 300 ms in a CPU profile). The
 * summary's counts are always safe integers; anything else still goes through Intl.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = text.length; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  return n < 0 || Object.is(n, -0) ? `-${text}` : text;
}
