/**
 * `compute` remembered per key, for a pure function of a string. At most `limit` results are
 * kept: once full, the memory starts again empty, since keys that come from questions never
 * stop coming, and the few that recur are soon back.
 */
export function memoize<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    const remembered = known.get(key);
    if (remembered !== undefined || known.has(key)) return remembered as V;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
