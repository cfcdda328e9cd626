import type * as Y from 'yjs';

/**
 * An attribute of an element of the body, also of an element deleted: Yjs deletes an element's
 * attributes with it, and getAttribute no longer reads them, but with garbage collection off (the
 * server's documents) their content stays. An attribute removed from an element that stays is gone.
 */
export function elementAttribute(element: Y.XmlText, key: string): unknown {
  const item = element._map.get(key);
  if (item === undefined || (item.deleted && !element._item?.deleted)) return undefined;
  return item.content.getContent().at(-1);
}
