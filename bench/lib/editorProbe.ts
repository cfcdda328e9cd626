/**
 * What the editor benchmark runs inside each page, installed with an init script so that it is
 * there from navigation start. Every time is taken in the page (performance.now(), relative to
 * the page's timeOrigin); Node only arms the probe and collects results, so the round trips of
 * the remote-control protocol never count.
 *
 * These functions are serialized into the page: they may use nothing from the enclosing module.
 */

/** What a page must show before it counts as loaded. */
export interface LoadExpectation {
  /** Article elements (section.article) the editor must have rendered. */
  articles: number;
  /** Total characters of text of the body, to check that the Yjs content is complete. */
  textLength: number;
  /** Pending suggestions the body carries (each must be shown, with its side's colour). */
  suggestions: number;
}

export interface LoadTiming {
  /**
   * Navigation start → the editable body holds every article, the first screen drawn in full:
   * no article still waiting its turn (openingRender.ts) reaches into the view (ms, in the page).
   */
  domMs: number;
  /** Navigation start → the frame showing it has been painted. */
  paintMs: number;
  /** Navigation start → every article drawn in full, and the frame showing it painted. */
  completeDomMs: number;
  completePaintMs: number;
  /** Articles and characters of the Yjs content when it was checked (after the last paint). */
  yjsArticles: number;
  yjsTextLength: number;
  /** Suggestions shown in the editor with the server's record (distinct ids), and pending ones in its Y.Doc. */
  suggestionsShown: number;
  yjsPendingSuggestions: number;
}

/** One keystroke as the typing page saw it. */
export interface LocalTiming {
  /** beforeinput's timeStamp (ms since the page's timeOrigin). */
  t0: number;
  /** The page's timeOrigin (ms since the epoch), to compare with the other browser. */
  timeOrigin: number;
  /** t0 → the later of the Y.Doc update and the last DOM mutation of the editor. */
  handledMs: number;
  /** t0 → after the next painted frame (requestAnimationFrame, then a MessageChannel hop). */
  paintMs: number;
  /** t0 → the Y.Doc update alone (Slate operation flushed into Yjs). */
  yjsMs: number;
  /** t0 → the start (requestAnimationFrame) of the frame that was painted. */
  frameMs: number;
  /** Frames waited for: more than 1 when the editor's DOM changed again after a frame started. */
  frames: number;
}

/** One keystroke as the watching page saw it, in absolute time (ms since the epoch). */
export interface PeerTiming {
  updateAt: number;
  paintAt: number;
}

interface ArmedMeasure {
  /** Whether the measure starts at a beforeinput (typing page) or at the Y.Doc update (peer). */
  startsAtInput: boolean;
  block: Element;
  expectedTail: string;
  t0: number | null;
  yjsAt: number | null;
  lastMutationAt: number | null;
  mutations: number;
  isTextShown: boolean;
  isPainting: boolean;
  resolve: (value: MeasureResult) => void;
}

interface MeasureResult {
  t0: number;
  yjsAt: number;
  lastMutationAt: number;
  frameAt: number;
  frames: number;
  paintAt: number;
}

interface DebugSurface {
  content: () => unknown;
  doc: {
    on: (event: 'update', listener: () => void) => void;
    getMap: (name: string) => { forEach: (callback: (value: unknown) => void) => void };
  };
}

/**
 * Node arms a measure (one call), then types, then awaits the result (another call): arming and
 * typing are separate round trips so that the probe is ready before the key arrives.
 */
export interface EditorProbe {
  loaded: Promise<LoadTiming>;
  /** Starts waiting for the next keystroke typed into this page, shown in `blockSelector`. */
  armTyping(blockSelector: string, expectedTail: string, timeoutMs: number): void;
  typingResult(): Promise<LocalTiming>;
  /** Starts waiting for the next remote change that makes `blockSelector` end with `expectedTail`. */
  armPeer(blockSelector: string, expectedTail: string, timeoutMs: number): void;
  peerResult(): Promise<PeerTiming>;
  /** Distinct suggestions the editor shows now with their author's side (not "not yet recorded"). */
  shownSuggestions(): number;
}

declare global {
  interface Window {
    editorBenchProbe?: EditorProbe;
  }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a `__name(...)` helper
 * that only exists in Node; a page evaluating a serialized function needs a stand-in.
 */
export const keepNamesShim = 'globalThis.__name = globalThis.__name || ((target) => target);';

/** The init script: records load-to-editable, then measures keystrokes when Node asks. */
export function installEditorProbe(expectation: LoadExpectation): void {
  const debug = (): DebugSurface | undefined => (window as unknown as { thoaUocDebug?: DebugSurface }).thoaUocDebug;
  const afterNextPaint = (callback: () => void): void => {
    // rAF runs just before style, layout and paint; a task posted from it runs after them.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback();
      channel.port2.postMessage(null);
    });
  };

  const countContent = (blocks: unknown): { articles: number; textLength: number } => {
    let articles = 0;
    let textLength = 0;
    const walk = (node: { type?: string; text?: string; children?: unknown[] }): void => {
      if (node.type === 'article') articles += 1;
      if (typeof node.text === 'string') textLength += node.text.length;
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    for (const block of blocks as unknown[]) walk(block as Parameters<typeof walk>[0]);
    return { articles, textLength };
  };

  // A suggested run is an <ins>/<del> naming its id (LeafView); one id may span several runs.
  const shownSuggestions = (): number => {
    const ids = new Set<string>();
    document.querySelectorAll('[data-testid="document-body"] .suggestion[data-suggestion]').forEach((run) => {
      if (!run.classList.contains('side-pending')) ids.add(run.getAttribute('data-suggestion') ?? '');
    });
    return ids.size;
  };
  const pendingInDoc = (): number => {
    let pending = 0;
    debug()
      ?.doc.getMap('suggestions')
      .forEach((record) => {
        if ((record as { status?: unknown }).status === 'pending') pending += 1;
      });
    return pending;
  };

  const loaded = new Promise<LoadTiming>((resolve) => {
    let firstScreen: { domMs: number; paintMs: number | null } | null = null;
    let completeDomMs: number | null = null;
    let completePaintMs: number | null = null;
    const finish = (): void => {
      if (firstScreen?.paintMs == null || completeDomMs === null || completePaintMs === null) return;
      // Checked after the last paint, so that reading the whole body does not delay either.
      const counted = countContent(debug()?.content() ?? []);
      resolve({
        domMs: firstScreen.domMs,
        paintMs: firstScreen.paintMs,
        completeDomMs,
        completePaintMs,
        yjsArticles: counted.articles,
        yjsTextLength: counted.textLength,
        suggestionsShown: shownSuggestions(),
        yjsPendingSuggestions: pendingInDoc(),
      });
    };
    const observer = new MutationObserver(() => {
      const body = document.querySelector('[data-testid="document-body"][contenteditable="true"]');
      if (!body || body.querySelectorAll('section.article').length < expectation.articles) return;
      // Articles wait their turn in order: the first one waiting is the highest on the page.
      const firstWaiting = body.querySelector('section.article.waiting');
      if (!firstScreen) {
        if (firstWaiting && firstWaiting.getBoundingClientRect().top < window.innerHeight) return;
        const screen = { domMs: performance.now(), paintMs: null as number | null };
        firstScreen = screen;
        afterNextPaint(() => {
          screen.paintMs = performance.now();
          finish();
        });
      }
      if (firstWaiting) return;
      completeDomMs = performance.now();
      observer.disconnect();
      afterNextPaint(() => {
        completePaintMs = performance.now();
        finish();
      });
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
  });

  let armed: ArmedMeasure | null = null;
  let isDocObserved = false;

  const finishWhenPainted = (measure: ArmedMeasure): void => {
    if (measure.isPainting || measure.yjsAt === null || !measure.isTextShown) return;
    measure.isPainting = true;
    let frames = 0;
    const waitForPaint = (): void => {
      let mutationsAtFrame = 0;
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        frames += 1;
        mutationsAtFrame = measure.mutations;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          // The editor changed again after this frame started: that frame did not show it all.
          if (measure.mutations !== mutationsAtFrame) return waitForPaint();
          armed = null;
          measure.resolve({
            t0: measure.t0 ?? Number.NaN,
            yjsAt: measure.yjsAt ?? Number.NaN,
            lastMutationAt: measure.lastMutationAt ?? Number.NaN,
            frameAt,
            frames,
            paintAt: performance.now(),
          });
        };
        channel.port2.postMessage(null);
      });
    };
    waitForPaint();
  };

  const editorObserver = new MutationObserver(() => {
    const measure = armed;
    if (!measure || (measure.startsAtInput && measure.t0 === null)) return;
    measure.lastMutationAt = performance.now();
    measure.mutations += 1;
    if (!measure.isTextShown && (measure.block.textContent ?? '').endsWith(measure.expectedTail)) measure.isTextShown = true;
    finishWhenPainted(measure);
  });

  // Capture on window: runs before the editor's own beforeinput handler.
  window.addEventListener(
    'beforeinput',
    (event) => {
      if (armed?.startsAtInput && armed.t0 === null) armed.t0 = event.timeStamp;
    },
    { capture: true },
  );

  const arm = (startsAtInput: boolean, blockSelector: string, expectedTail: string, timeoutMs: number) => {
    const surface = debug();
    const body = document.querySelector('[data-testid="document-body"]');
    const block = document.querySelector(blockSelector);
    if (!surface || !body || !block) throw new Error(`the editor or ${blockSelector} is not on the page`);
    if (!isDocObserved) {
      isDocObserved = true;
      surface.doc.on('update', () => {
        const measure = armed;
        if (!measure || measure.yjsAt !== null || (measure.startsAtInput && measure.t0 === null)) return;
        measure.yjsAt = performance.now();
        finishWhenPainted(measure);
      });
      editorObserver.observe(body, { childList: true, subtree: true, characterData: true });
    }
    if (armed) throw new Error('a measurement is already under way');
    return new Promise<MeasureResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        armed = null;
        reject(
          new Error(
            `no ${startsAtInput ? 'local' : 'peer'} result within ${timeoutMs} ms (text shown: ${measure.isTextShown}, Yjs update: ${measure.yjsAt !== null}, beforeinput: ${measure.t0 !== null})`,
          ),
        );
      }, timeoutMs);
      const measure: ArmedMeasure = {
        startsAtInput,
        block,
        expectedTail,
        t0: null,
        yjsAt: null,
        lastMutationAt: null,
        mutations: 0,
        isTextShown: false,
        isPainting: false,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      armed = measure;
    });
  };

  let typing: Promise<LocalTiming> | null = null;
  let peer: Promise<PeerTiming> | null = null;
  const taken = <T>(pending: Promise<T> | null): Promise<T> => pending ?? Promise.reject(new Error('nothing was armed'));
  window.editorBenchProbe = {
    loaded,
    armTyping(blockSelector, expectedTail, timeoutMs) {
      typing = arm(true, blockSelector, expectedTail, timeoutMs).then(({ t0, yjsAt, lastMutationAt, frameAt, frames, paintAt }) => ({
        t0,
        timeOrigin: performance.timeOrigin,
        handledMs: Math.max(yjsAt, lastMutationAt) - t0,
        paintMs: paintAt - t0,
        yjsMs: yjsAt - t0,
        frameMs: frameAt - t0,
        frames,
      }));
      // Reported by typingResult(); never an unhandled rejection meanwhile.
      typing.catch(() => {});
    },
    typingResult: () => taken(typing),
    armPeer(blockSelector, expectedTail, timeoutMs) {
      peer = arm(false, blockSelector, expectedTail, timeoutMs).then(({ yjsAt, paintAt }) => ({
        updateAt: performance.timeOrigin + yjsAt,
        paintAt: performance.timeOrigin + paintAt,
      }));
      peer.catch(() => {});
    },
    peerResult: () => taken(peer),
    shownSuggestions,
  };
}
