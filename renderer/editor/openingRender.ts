import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { BaseEditor } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import type { ArticleElement, ChapterElement } from '#shared/document/nodes';
import type { DocumentEditor } from './customTypes';

/** Articles the first render draws in full: more than the tallest screen shows at once (an article is about 26.5em). */
export const firstScreenArticles = 12;
/** Articles drawn in each later step: about one chunk (chunking.ts), some ten milliseconds of work. */
export const articlesPerStep = 10;

/** Runs `callback` later (see `whenIdle`, `inBackground`); returns how to cancel it. */
export type StepScheduler = (callback: () => void) => () => void;

// The first step: once the page is idle after showing the first screen, within a tenth of a second
// even when it never is.
const whenIdle: StepScheduler = (callback) => {
  const handle = requestIdleCallback(callback, { timeout: 100 });
  return () => cancelIdleCallback(handle);
};

interface BackgroundScheduler {
  postTask(callback: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<void>;
}

// Each later step: as soon as nothing more urgent waits (typing, a frame, a message). Not an idle
// callback: one asked for from an idle callback waits for the next idle period of the page, up to
// 50 ms in Chromium, and drawing a 1,000-article agreement ten articles at a time took five seconds.
const inBackground: StepScheduler = (callback) => {
  const { scheduler } = globalThis as { scheduler?: BackgroundScheduler };
  if (!scheduler) return whenIdle(callback);
  const cancelled = new AbortController();
  scheduler.postTask(callback, { priority: 'background', signal: cancelled.signal }).catch((error: unknown) => {
    if (!cancelled.signal.aborted) throw error;
  });
  return () => cancelled.abort();
};

/**
 * Opening a long agreement draws its first screen first (decision 0032). The first render draws the
 * first articles in full and every later one as an empty box of its estimated height, waiting its
 * turn; once that render is on the screen and the page is idle, the waiting articles are drawn in
 * order, a few in each step, the steps running as background work of the page, until all are. The
 * document is whole in the editor from the start: only their drawing waits. Anything that takes
 * the caret or the view beyond the first screen before then draws every article at once:
 * scrolling the text, a key that moves or selects far, a panel going to an article
 * (`drawEveryArticleNow`), the caret reaching a waiting article (the editor's change handler).
 *
 * Articles are counted by their number: "waiting" is a number above how far drawing has reached.
 */
export class OpeningRender {
  private drawnThrough: number;
  private readonly listeners = new Set<() => void>();
  private cancelPending: (() => void) | null = null;

  constructor(
    private readonly articleCount: () => number,
    private readonly scheduleFirst: StepScheduler = whenIdle,
    private readonly scheduleNext: StepScheduler = inBackground,
  ) {
    this.drawnThrough = articleCount() > firstScreenArticles ? firstScreenArticles : Number.POSITIVE_INFINITY;
  }

  get isComplete(): boolean {
    return this.drawnThrough === Number.POSITIVE_INFINITY;
  }

  /** Whether the article numbered `number` still waits to be drawn (an article without a number never waits). */
  isWaiting(number: number | undefined): boolean {
    return number !== undefined && number > this.drawnThrough;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Draws the waiting articles, a few in each step, from the page's next idle moment on (called once the first render is committed). */
  start(): void {
    if (this.isComplete || this.cancelPending) return;
    const drawMore = (): void => {
      this.cancelPending = null;
      this.drawThrough(this.drawnThrough + articlesPerStep >= this.articleCount() ? Number.POSITIVE_INFINITY : this.drawnThrough + articlesPerStep);
      if (!this.isComplete) this.cancelPending = this.scheduleNext(drawMore);
    };
    this.cancelPending = this.scheduleFirst(drawMore);
  }

  /** Every article drawn at the next render. */
  complete(): void {
    if (this.isComplete) return;
    this.stop();
    this.drawThrough(Number.POSITIVE_INFINITY);
  }

  /** No more drawing steps (the editor is closing). */
  stop(): void {
    this.cancelPending?.();
    this.cancelPending = null;
  }

  private drawThrough(number: number): void {
    this.drawnThrough = number;
    for (const listener of this.listeners) listener();
  }
}

const openings = new WeakMap<BaseEditor, OpeningRender>();

/** The opening of this editor's document, for what must reach any article (see `drawEveryArticleNow`). */
export function registerOpeningRender(editor: BaseEditor, opening: OpeningRender): void {
  openings.set(editor, opening);
}

/**
 * Draws every article before this returns, so that a node of any article has its place on the
 * screen: before scrolling to it or putting the caret in it from a panel. Does nothing once the
 * opening is complete (or for an editor that draws everything at once).
 */
export function drawEveryArticleNow(editor: BaseEditor): void {
  const opening = openings.get(editor);
  if (opening && !opening.isComplete) flushSync(() => opening.complete());
}

export const OpeningRenderContext = createContext<OpeningRender | null>(null);

const neverChanges = (): (() => void) => () => undefined;

/** Whether `node` is in the editor's document as it is now, not an earlier version of it. */
function isInDocument(editor: ReactEditor, node: ArticleElement | ChapterElement): boolean {
  try {
    ReactEditor.findPath(editor, node);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether an article, or a chapter, waits to be drawn: the article numbered `number`, or the
 * chapter whose first article it is; never outside the document editor. When its turn comes, it
 * is drawn only with its content as it is now: its turn comes in a render of its own, which React
 * can run before the editor's render of a change just made to it (updates to a store are urgent);
 * then it waits for that render, or slate-react would be handed blocks no longer in the document.
 */
export function useIsWaiting(element: ArticleElement | ChapterElement, number: number | undefined): boolean {
  const editor = useSlateStatic();
  const opening = useContext(OpeningRenderContext);
  const isWaiting = useSyncExternalStore(opening?.subscribe ?? neverChanges, () => opening?.isWaiting(number) ?? false);
  // Once drawn, it stays drawn: slate-react keeps its blocks until its own render.
  const hasBeenDrawn = useRef(false);
  const mustWait = isWaiting || (!hasBeenDrawn.current && opening !== null && !isInDocument(editor, element));
  useEffect(() => {
    if (!mustWait) hasBeenDrawn.current = true;
  });
  return mustWait;
}

/**
 * Draws the rest of the agreement in steps once the first render is committed and the page idle,
 * and all of it at once when the reader scrolls the text first (anything scrolling that holds the
 * editor).
 */
export function useOpeningRender(editor: DocumentEditor, opening: OpeningRender): void {
  useEffect(() => {
    opening.start();
    const onScroll = (event: Event) => {
      if (event.target instanceof Node && event.target.contains(ReactEditor.toDOMNode(editor, editor))) opening.complete();
    };
    if (!opening.isComplete) window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    const unsubscribe = opening.subscribe(() => {
      if (opening.isComplete) window.removeEventListener('scroll', onScroll, { capture: true });
    });
    return () => {
      opening.stop();
      unsubscribe();
      window.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [editor, opening]);
}
