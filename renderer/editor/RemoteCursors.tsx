import { useRef, type ReactNode, type RefObject } from 'react';
import { useRemoteCursorOverlayPositions } from '@slate-yjs/react';
import type { Awareness } from 'y-protocols/awareness';
import type { CursorData } from './customTypes';
import { participantOfState } from './presence';

/** Other people's carets and selections, each with their name, in their side's colour. */
export function RemoteCursors({ awareness, children }: { awareness: Awareness; children: ReactNode }) {
  const containerRef = useRef<HTMLDivElement>(null) as RefObject<HTMLDivElement>;
  const [cursors] = useRemoteCursorOverlayPositions<CursorData>({ containerRef });
  return (
    <div className="remote-cursor-container" ref={containerRef}>
      {children}
      {cursors.map((cursor) => {
        const participant = participantOfState(awareness.getStates().get(cursor.clientId));
        if (!participant) return null;
        return (
          <div key={cursor.clientId} className={`remote-cursor side-${participant.side}`} data-testid="remote-cursor" data-name={participant.name}>
            {cursor.selectionRects.map((rect, index) => (
              <div key={index} className="remote-selection" style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }} />
            ))}
            {cursor.caretPosition && (
              <div className="remote-caret" style={{ left: cursor.caretPosition.left, top: cursor.caretPosition.top, height: cursor.caretPosition.height }}>
                <span className="remote-caret-name">{participant.name}</span>
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
