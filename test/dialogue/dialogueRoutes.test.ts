import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../renderer/app/hashRoute';

// The dialogue's addresses: the area and a dialogue's page, and the two a worker opens without an
// account (the submission link and the public page of results), with the code as printed on the notice.

describe('the dialogue’s routes', () => {
  it('reads back every address it writes', () => {
    const routes: Route[] = [
      { page: 'dialogues' },
      { page: 'dialogue', dialogueId: 'k3v9q2' },
      { page: 'ask', code: 'WFSGB-HJYK9' },
      { page: 'answers', code: 'WFSGB-HJYK9' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(routeHash({ page: 'ask', code: 'WFSGB-HJYK9' })).toBe('#/ask/WFSGB-HJYK9');
  });

  it('keeps the other addresses as they were', () => {
    expect(routeHash({ page: 'join', code: 'ABCD' })).toBe('#/join/ABCD');
    expect(routeHash({ page: 'document', documentId: 'd1' })).toBe('#/d/d1');
    expect(parseRoute('#/ask/')).toEqual({ page: 'home' });
  });
});
