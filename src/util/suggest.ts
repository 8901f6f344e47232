/**
 * "Did you mean" for faker names, faker-js paths, parameter, option and field names.
 * Comparison ignores case, '_' and '-', so 'full_name' finds 'person.fullName'.
 */
export function closestName(wanted: string, candidates: Iterable<string>): string | undefined {
  const key = normalize(wanted);
  let best: string | undefined;
  let bestScore = Infinity;
  const bare = !key.includes('.');
  for (const candidate of candidates) {
    const other = normalize(candidate);
    let score = editDistance(key, other);
    if (bare) {
      // A bare name may be a path's function ('productname' → 'commerce.productName') or
      // a spelled-out form of a name ('maximum' → 'max').
      const tail = other.slice(other.lastIndexOf('.') + 1);
      score = Math.min(score, tail === key ? 0 : editDistance(key, tail) + 1);
      if (Math.min(key.length, tail.length) >= 3 && (key.startsWith(tail) || tail.startsWith(key))) score = Math.min(score, 1.5);
    }
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  // Beyond a third of the word the "suggestion" is noise.
  return bestScore <= Math.max(2, Math.ceil(key.length / 3)) ? best : undefined;
}

/** ` Did you mean "x"?` or nothing. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const best = closestName(wanted, candidates);
  return best === undefined ? '' : ` Did you mean "${best}"?`;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[_\s-]/g, '');
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
