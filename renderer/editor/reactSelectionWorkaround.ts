const contentEditableProperty = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');

/**
 * Before every commit, React saves the selection of the focused element if it is a text field
 * or an element whose `contentEditable` property is "true": it walks every node of that element
 * to turn the selection into character offsets, after reading the selection (which forces a
 * layout); it uses them only to restore the selection if the focus moved during the commit
 * (react-dom's ReactInputSelection; "When the focus is inside a contenteditable, apparently we
 * are [doing all this work for every commit]", facebook/react#9992). In a 300-article agreement
 * that is about 10,000 nodes, several milliseconds on every keystroke.
 *
 * Slate owns the DOM selection of its editor and sets it itself after each render, so React's
 * copy is never needed: the editor's root reports its `contentEditable` property as "inherit" to
 * scripts. The `contenteditable` attribute, which is what the browser edits by (and what Slate
 * and React set), is untouched. Slate does not use React's onSelect, the only other reader.
 */
export function hideContentEditableFromReact(element: HTMLElement | null): void {
  if (!element || !contentEditableProperty?.set) return;
  const setProperty = contentEditableProperty.set;
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => setProperty.call(element, value),
  });
}
