import type { RenderElementProps } from 'slate-react';
import type { VariableElement } from '#shared/document/nodes';

/** An inline chip standing for a typed variable of the document (values: see the variables panel). */
export function VariableChip({ attributes, children, element }: RenderElementProps & { element: VariableElement }) {
  return (
    <span {...attributes} className="variable-chip" data-variable-id={element.variableId} contentEditable={false}>
      {`{{${element.variableId}}}`}
      {children}
    </span>
  );
}
