/** "Did you mean" help for error messages: the candidates closest to a misspelt name. */

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The `limit` candidates most like `value` (case-insensitive), best first: a candidate that
 * contains the value (or is contained in it) comes first, then those sharing more words
 * (`export-findings` and `key-policy-for-the-export-key` share "export"), then by edit distance.
 */
export function closestMatches(value: string, candidates: readonly string[], limit = 5): string[] {
  const needle = value.toLowerCase();
  const needleWords = new Set(words(value));
  const scored = [...new Set(candidates)].map((candidate) => {
    const hay = candidate.toLowerCase();
    const overlaps = needle !== '' && (hay.includes(needle) || needle.includes(hay));
    const shared = words(candidate).filter((w) => needleWords.has(w)).length;
    return { candidate, score: (overlaps ? 0 : 10_000) - 100 * shared + editDistance(needle, hay) };
  });
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** Lower-case words of an id or a name: `key-policy` gives key, policy; `GetIPSet` gives get, ipset. */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}
