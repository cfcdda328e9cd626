import { describe, expect, it } from 'vitest';
import { articlesPerStep, firstScreenArticles, OpeningRender, type StepScheduler } from '../../renderer/editor/openingRender';

// Decision 0032: a long agreement's first screen is drawn first, the rest a few articles per step
// (the first once the page is idle, the others in the background), in order, and all at once when
// something needs an article still waiting.

/** Steps the test lets run one at a time. */
function manualSteps(): { schedule: StepScheduler; readonly waiting: number; runOne(): void } {
  let queue: (() => void)[] = [];
  return {
    schedule(callback) {
      queue.push(callback);
      return () => {
        queue = queue.filter((queued) => queued !== callback);
      };
    },
    get waiting() {
      return queue.length;
    },
    runOne() {
      const next = queue.shift();
      if (!next) throw new Error('no step was asked for');
      next();
    },
  };
}

/** The article numbers still waiting, out of `count`. */
function waitingOf(opening: OpeningRender, count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1).filter((number) => opening.isWaiting(number));
}

describe('drawing a long agreement as it opens', () => {
  it('draws the first screen, then the rest in order, a few articles per step, telling its subscribers each time', () => {
    const idle = manualSteps();
    const count = firstScreenArticles + 2 * articlesPerStep + 3;
    const opening = new OpeningRender(() => count, idle.schedule, idle.schedule);
    let notices = 0;
    opening.subscribe(() => (notices += 1));

    expect(waitingOf(opening, count)).toEqual(Array.from({ length: count - firstScreenArticles }, (_, index) => firstScreenArticles + index + 1));
    expect(opening.isWaiting(undefined)).toBe(false);
    expect(idle.waiting).toBe(0);

    opening.start();
    opening.start();
    expect(idle.waiting).toBe(1);
    idle.runOne();
    expect(notices).toBe(1);
    expect(waitingOf(opening, count)[0]).toBe(firstScreenArticles + articlesPerStep + 1);
    idle.runOne();
    expect(waitingOf(opening, count)).toEqual([count - 2, count - 1, count]);
    expect(opening.isComplete).toBe(false);
    idle.runOne();
    expect(opening.isComplete).toBe(true);
    expect(waitingOf(opening, count)).toEqual([]);
    expect(notices).toBe(3);
    expect(idle.waiting).toBe(0);
  });

  it('draws everything at once when asked, and asks for no more idle moments', () => {
    const idle = manualSteps();
    const opening = new OpeningRender(() => 100, idle.schedule, idle.schedule);
    let notices = 0;
    opening.subscribe(() => (notices += 1));
    opening.start();
    opening.complete();
    expect(opening.isComplete).toBe(true);
    expect(opening.isWaiting(100)).toBe(false);
    expect(idle.waiting).toBe(0);
    expect(notices).toBe(1);
    opening.complete();
    expect(notices).toBe(1);
  });

  it('follows articles added while it draws, and stops asking once the editor closes', () => {
    const idle = manualSteps();
    let count = firstScreenArticles + articlesPerStep;
    const opening = new OpeningRender(() => count, idle.schedule, idle.schedule);
    opening.start();
    count += 5;
    idle.runOne();
    expect(opening.isComplete).toBe(false);
    expect(waitingOf(opening, count)).toEqual([count - 4, count - 3, count - 2, count - 1, count]);
    opening.stop();
    expect(idle.waiting).toBe(0);
    expect(opening.isWaiting(count)).toBe(true);
  });

  it('waits for nothing in an agreement the first screen holds', () => {
    const idle = manualSteps();
    const opening = new OpeningRender(() => firstScreenArticles, idle.schedule, idle.schedule);
    expect(opening.isComplete).toBe(true);
    expect(opening.isWaiting(firstScreenArticles)).toBe(false);
    opening.start();
    expect(idle.waiting).toBe(0);
  });
});
