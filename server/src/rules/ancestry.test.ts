import { describe, expect, it } from 'vitest';
import { ancestryRows } from './ancestry.ts';

const org = (id: number, establishedOn = '2000-01-01', dissolvedOn: string | null = null) => ({
  id,
  establishedOn,
  dissolvedOn,
});

describe('the time-versioned closure of the tree', () => {
  it('follows a move: the cell belongs to the district until the move, to the province after', () => {
    const rows = ancestryRows(
      [org(1), org(2, '2000-01-01', '2025-07-01'), org(3)],
      [
        { organisationId: 2, parentId: 1, startOn: '2000-01-01', endOn: '2025-07-01' },
        { organisationId: 3, parentId: 2, startOn: '2000-01-01', endOn: '2025-07-01' },
        { organisationId: 3, parentId: 1, startOn: '2025-07-01', endOn: null },
      ],
    );
    const of3 = rows
      .filter((r) => r.descendantId === 3)
      .map(({ ancestorId, depth, startOn, endOn }) => ({ ancestorId, depth, startOn, endOn }));
    expect(of3).toEqual([
      { ancestorId: 3, depth: 0, startOn: '2000-01-01', endOn: null },
      { ancestorId: 2, depth: 1, startOn: '2000-01-01', endOn: '2025-07-01' },
      { ancestorId: 1, depth: 2, startOn: '2000-01-01', endOn: '2025-07-01' },
      { ancestorId: 1, depth: 1, startOn: '2025-07-01', endOn: null },
    ]);
  });

  it('refuses a cycle', () => {
    expect(() =>
      ancestryRows(
        [org(1), org(2)],
        [
          { organisationId: 1, parentId: 2, startOn: '2000-01-01', endOn: null },
          { organisationId: 2, parentId: 1, startOn: '2000-01-01', endOn: null },
        ],
      ),
    ).toThrow(/cycle/);
  });
});
