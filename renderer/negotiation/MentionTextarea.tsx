import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeMentions, mentionAt, mentionMatches, pickMention, type Mentionable } from '#shared/negotiation/mentions';

/** The most suggestions shown at once: a document has a few dozen participants at most. */
const shownSuggestions = 8;

export interface MentionDraft {
  text: string;
  setText: (text: string) => void;
  /** Someone picked from the suggestions: of two people with one name, the one picked is meant. */
  pick: (person: Mentionable) => void;
  /** The comment to send: its text with mentions as tokens, and who it mentions. */
  encoded: () => { body: string; mentions: string[] };
  clear: () => void;
}

/** A comment being written, with the people it may mention. */
export function useMentionDraft(people: readonly Mentionable[]): MentionDraft {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Mentionable[]>([]);
  return {
    text,
    setText,
    pick: (person) => setPicked((previous) => [person, ...previous.filter((other) => other.id !== person.id)]),
    encoded: () => encodeMentions(text, [...picked.filter((person) => people.some((other) => other.id === person.id)), ...people]),
    clear: () => {
      setText('');
      setPicked([]);
    },
  };
}

/**
 * A comment's text field in which "@" suggests the people who may be mentioned, by name, as it is
 * typed: arrows choose, Enter or Tab (or a click) puts the name in, Escape closes the list.
 */
export function MentionTextarea({
  draft,
  people,
  label,
  placeholder,
  rows,
}: {
  draft: MentionDraft;
  people: readonly Mentionable[];
  label: string;
  placeholder: string;
  rows: number;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const hintId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [isFocused, setFocused] = useState(false);
  const [active, setActive] = useState(0);
  // Where the list was closed with Escape: it stays closed for that "@".
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // After a pick, the caret goes after the name once the new text is on the screen.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    field.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  });

  const mention = isFocused ? mentionAt(draft.text, caret) : null;
  const options = mention && mention.start !== dismissedAt ? mentionMatches(people, mention.query).slice(0, shownSuggestions) : [];
  const activeIndex = Math.min(active, options.length - 1);
  const choose = (person: Mentionable | undefined) => {
    if (!mention || !person) return;
    const next = pickMention(draft.text, mention, person);
    draft.setText(next.text);
    draft.pick(person);
    setCaret(next.caret);
    caretAfterPick.current = next.caret;
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (options.length === 0 || !mention) return;
    const move = { ArrowDown: 1, ArrowUp: options.length - 1 }[event.key];
    if (move !== undefined) setActive((activeIndex + move) % options.length);
    else if (event.key === 'Enter' || event.key === 'Tab') choose(options[activeIndex]);
    else if (event.key === 'Escape') setDismissedAt(mention.start);
    else return;
    event.preventDefault();
  };
  return (
    <div className="mention-field">
      <textarea
        ref={field}
        rows={rows}
        value={draft.text}
        aria-label={label}
        placeholder={placeholder}
        aria-describedby={hintId}
        aria-autocomplete="list"
        aria-controls={options.length > 0 ? listId : undefined}
        aria-activedescendant={options.length > 0 ? `${listId}-${activeIndex}` : undefined}
        onChange={(event) => {
          draft.setText(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      {options.length > 0 && (
        <ul id={listId} role="listbox" className="mention-suggestions" aria-label={t('negotiation.mentionSuggestions')} data-testid="mention-suggestions">
          {options.map((person, index) => (
            // A click picks without taking the keyboard from the text.
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              @{person.name}
            </li>
          ))}
        </ul>
      )}
      <p className="hint" id={hintId}>
        {t('negotiation.mentionHint')}
      </p>
    </div>
  );
}
