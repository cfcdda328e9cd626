import type { Editor } from 'slate';

/** Variable chips are inline voids: the cursor steps over them, they are deleted whole. */
export function withInlineVariables<T extends Editor>(editor: T): T {
  const { isInline, isVoid } = editor;
  editor.isInline = (element) => element.type === 'variable' || isInline(element);
  editor.isVoid = (element) => element.type === 'variable' || isVoid(element);
  return editor;
}
