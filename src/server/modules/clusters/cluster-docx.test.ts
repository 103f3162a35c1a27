import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ClusterDto } from '../../../contracts/clusters';
import { covenantDocxModel, placeOf, renderCovenantDocx } from './cluster-docx';

const cluster = (over: Partial<ClusterDto> = {}): ClusterDto => ({
  id: 1,
  orgId: 3,
  orgName: 'Liên đoàn Lao động huyện DMC',
  year: 2024,
  kind: 'CLUSTER',
  name: 'Cụm thi đua số 2',
  level: 'UPPER',
  members: [
    { orgId: 10, name: 'Công đoàn cơ sở An Bình', role: 'MEMBER', rotationOrder: 1, active: true },
    { orgId: 11, name: 'Công đoàn cơ sở Bến Cầu', role: 'DEPUTY', rotationOrder: 2, active: true },
    { orgId: 12, name: 'Công đoàn cơ sở Châu Thành', role: 'HEAD', rotationOrder: 3, active: true },
  ],
  covenant: ['Hoàn thành xuất sắc nhiệm vụ.', '2. Đã đánh số sẵn.'],
  covenantSignedOn: null,
  leader: null,
  version: 1,
  abilities: [],
  ...over,
});

async function textOf(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  return { text: [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''), headers: headers.join('') };
}

describe('covenant DOCX', () => {
  it.each([
    ['Liên đoàn Lao động huyện DMC', 'Huyện DMC'],
    ['Liên đoàn Lao động tỉnh Tây Ninh', 'Tỉnh Tây Ninh'],
    ['Công đoàn ngành Giáo dục', 'Ngành Giáo dục'],
  ])('the place of %s is %s', (name, place) => {
    expect(placeOf(name)).toBe(place);
  });

  it('signs head first, then deputy, then the others in rotation order', () => {
    expect(covenantDocxModel(cluster(), 'Liên đoàn Lao động tỉnh Tây Ninh').members.map((m) => m.role)).toEqual(['HEAD', 'DEPUTY', 'MEMBER']);
  });

  it('numbers the commitments once, leaves the date blank and marks an unsigned covenant as a draft', async () => {
    const draft = await textOf(await renderCovenantDocx(covenantDocxModel(cluster(), null)));
    expect(draft.text).toContain('1. Hoàn thành xuất sắc nhiệm vụ.');
    expect(draft.text).toContain('2. Đã đánh số sẵn.');
    expect(draft.text).not.toContain('2. 2.');
    expect(draft.text).toContain('Huyện DMC, ngày      tháng      năm 2024');
    expect(draft.headers).toContain('DỰ THẢO');
    const signed = await textOf(await renderCovenantDocx(covenantDocxModel(cluster({ covenantSignedOn: '2024-01-05' }), null)));
    expect(signed.text).toContain('Huyện DMC, ngày 05 tháng 01 năm 2024');
    expect(signed.headers).not.toContain('DỰ THẢO');
  });
});
