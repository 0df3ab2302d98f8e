/**
 * Go's strconv.FormatFloat(v, 'f', -1, 64): the shortest digits that round-trip, written out
 * without an exponent ("0.0000001", "1000000000000000000000"); Prometheus uses it for sample
 * values in JSON and for count_values() labels. Infinities and NaN as Prometheus writes them.
 */
export function formatFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Object.is(v, -0)) return '-0';
  const plain = String(v);
  if (!plain.includes('e')) return plain;
  const negative = v < 0;
  const [mantissa, exponentText] = Math.abs(v).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  let out: string;
  if (exponent >= 0) {
    out = exponent + 1 >= digits.length ? digits + '0'.repeat(exponent + 1 - digits.length) : `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  } else {
    out = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  return negative ? `-${out}` : out;
}
