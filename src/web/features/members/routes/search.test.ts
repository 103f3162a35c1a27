import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from '../../../lib/search-params';
import { memberExportParams, memberListParams, memberSearchSchema } from './search';

const fromUrl = (query: string) => memberSearchSchema.parse(parseSearch(query));

describe('member list search params', () => {
  it('reads filters from a plain query string', () => {
    expect(fromUrl('?orgId=12&q=Nguy%E1%BB%85n&gender=FEMALE&isLeader=true&isDirectWorker=false&status=LEFT&sort=-birthDate&page=3&pageSize=50')).toEqual({
      orgId: 12,
      q: 'Nguyễn',
      gender: 'FEMALE',
      isLeader: true,
      isDirectWorker: false,
      status: 'LEFT',
      sort: '-birthDate',
      page: 3,
      pageSize: 50,
    });
  });

  it('keeps digits of a CCCD search as text, leading zeros included', () => {
    expect(fromUrl('?q=001234567890').q).toBe('001234567890');
  });

  it('drops values a hand-edited URL got wrong instead of failing the page', () => {
    const search = fromUrl('?orgId=abc&gender=X&isLeader=maybe&sort=salary&page=0&pageSize=100000&q=');
    expect(search).toEqual({
      orgId: undefined,
      q: undefined,
      gender: undefined,
      isLeader: undefined,
      isDirectWorker: undefined,
      status: undefined,
      sort: undefined,
      page: undefined,
      pageSize: undefined,
    });
  });

  it('round-trips through the URL', () => {
    const search = fromUrl('?orgId=7&q=lan&isLeader=false&page=2');
    expect(fromUrl(stringifySearch(search))).toEqual(search);
    expect(stringifySearch(search)).toBe('?orgId=7&q=lan&isLeader=false&page=2');
  });

  it('fills the server defaults for the API query', () => {
    expect(memberListParams(fromUrl(''))).toMatchObject({ status: 'ACTIVE', sort: 'name', page: 1, pageSize: 25 });
  });

  it('exports exactly the filters, without pagination', () => {
    const params = memberExportParams(fromUrl('?orgId=7&q=lan&gender=MALE&sort=-code&page=4&pageSize=50'));
    expect(params).toEqual({
      orgId: 7,
      q: 'lan',
      gender: 'MALE',
      isLeader: undefined,
      isDirectWorker: undefined,
      status: 'ACTIVE',
      sort: '-code',
    });
  });
});
