import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../renderer/app/hashRoute';
import { accessLink, invitationLink } from '#main/server/defaults';

// The operator's invitation link, as the command line prints it, opens the page that redeems it (#/access/CODE).

describe('the operator’s invitation link', () => {
  it('is its own route, apart from a participant’s #/join link', () => {
    const server = 'https://thoauoc.example.gov.vn/';
    expect(parseRoute(new URL(accessLink(server, 'ABCD-EFGH-JKLM')).hash)).toEqual({ page: 'access', code: 'ABCD-EFGH-JKLM' });
    expect(parseRoute(new URL(invitationLink(server, 'ABCD-EFGH-JKLM')).hash)).toEqual({ page: 'join', code: 'ABCD-EFGH-JKLM' });
  });
});
