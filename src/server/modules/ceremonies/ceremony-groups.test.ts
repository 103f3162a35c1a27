// The automatic call order: by award (catalogue order), then unit, then the decision's order; each
// award cut into groups of the given size, a group never mixing awards.
import { describe, expect, it } from 'vitest';
import { autoGroups, countsOf } from './ceremonies.service';

const line = (id: number, award: string, sort: number, unit: string | null, position = id, decision = 1) => ({ id, award_code: award, sort_order: sort, unit_name: unit, decision_id: decision, item_position: position });

describe('autoGroups', () => {
  it('orders by award then unit (Vietnamese order) and never mixes awards in a group', () => {
    const rows = [
      line(1, 'LDTT', 10, 'Công đoàn cơ sở Trường THCS Phước Minh'),
      line(2, 'CSTD_CS', 20, 'Công đoàn cơ sở Công ty Sợi'),
      line(3, 'LDTT', 10, 'Công đoàn cơ sở Công ty Sợi'),
      line(4, 'LDTT', 10, 'Công đoàn cơ sở Đồng Khởi'),
      line(5, 'LDTT', 10, null),
    ];
    expect(autoGroups(rows, 2)).toEqual([
      // Vietnamese order: "Công ty" < "Đồng Khởi" (Đ after D) < "Trường"; a line without a unit last.
      { id: 3, groupNo: 1, position: 1 },
      { id: 4, groupNo: 1, position: 2 },
      { id: 1, groupNo: 2, position: 3 },
      { id: 5, groupNo: 2, position: 4 },
      { id: 2, groupNo: 3, position: 5 },
    ]);
  });

  it('numbers new groups and places after the existing ones', () => {
    expect(autoGroups([line(7, 'LDTT', 10, 'A'), line(8, 'LDTT', 10, 'A')], 10, 4, 31)).toEqual([
      { id: 7, groupNo: 4, position: 31 },
      { id: 8, groupNo: 4, position: 32 },
    ]);
  });
});

describe('countsOf', () => {
  it('counts revoked lines apart from the attendance', () => {
    const r = (attendance: 'PENDING' | 'RECEIVED' | 'PROXY' | 'ABSENT', lineStatus: 'ACTIVE' | 'REVOKED' = 'ACTIVE', groupNo = 1) => ({ attendance, lineStatus, groupNo });
    expect(countsOf([r('RECEIVED'), r('PROXY'), r('ABSENT', 'ACTIVE', 2), r('PENDING', 'REVOKED', 3), r('PENDING')])).toEqual({ total: 4, received: 1, proxy: 1, absent: 1, pending: 1, revoked: 1, groups: 3 });
  });
});
