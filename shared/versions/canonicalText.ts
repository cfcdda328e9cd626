import type { DocumentText } from '#shared/versions/snapshotContent';

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`);
  return `{${entries.join(',')}}`;
}

/**
 * The canonical text of a signed version, the one its hash is taken over: the body and the
 * variable values as stable JSON, prefixed by a format tag so that a future format is told apart.
 */
export function canonicalText(text: DocumentText): string {
  return `thoa-uoc/canonical-text/1\n${stableJson({ body: text.blocks, variables: text.variables })}`;
}
