/**
 * A copy of plain data (what JSON or structured clone carries: objects, arrays, strings, numbers,
 * booleans, null) with every string passed through `map`; keys stay as they are.
 */
export function mapStrings<T>(value: T, map: (text: string) => string): T {
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return map(item);
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === 'object' && item !== null) return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    return item;
  };
  return walk(value) as T;
}
