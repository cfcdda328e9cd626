/** A new stable id for an article (clauseId), a chapter or an entry of the salary scale, unique across clients. */
export function newNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}
