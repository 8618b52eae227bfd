// Small: profile rules — police need a station, only operators get districts, a role change drops what no longer fits.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../lib/http-error';
import type { UserProfile } from '../repositories/users.repository';
import { mergeProfile, profileChanges } from './user-profile';

const officer: UserProfile = {
  displayName: 'Sgt. Somsak',
  role: 'police',
  station: 'Mueang Chachoengsao',
  districts: null,
};
const operator: UserProfile = {
  displayName: 'Nok',
  role: 'operator',
  station: null,
  districts: ['TH2401', 'TH2404'],
};

const refusal = (run: () => unknown): HttpError => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('mergeProfile', () => {
  it('creates a police user with a station, trimmed', () => {
    expect(
      mergeProfile(null, { displayName: ' Sgt. Somsak ', role: 'police', station: ' Mueang Chachoengsao ' }),
    ).toEqual(officer);
  });

  it('refuses a police user without a station, in English and Thai', () => {
    const error = refusal(() => mergeProfile(null, { displayName: 'X', role: 'police' }));
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/station/);
    expect(error.messageTh).toContain('สถานีตำรวจ');
    expect(() => mergeProfile(officer, { station: null })).toThrow(HttpError);
  });

  it('refuses a station or districts named for a role that has none', () => {
    expect(() => mergeProfile(null, { displayName: 'X', role: 'planner', station: 'Somewhere' })).toThrow(
      /Only police/,
    );
    expect(() => mergeProfile(null, { displayName: 'X', role: 'viewer', districts: ['TH2401'] })).toThrow(
      /Only operators/,
    );
    expect(() => mergeProfile(operator, { role: 'police', station: 'S', districts: ['TH2401'] })).toThrow(
      /Only operators/,
    );
  });

  it('keeps districts for operators, sorted and unique; an empty list means not limited', () => {
    expect(mergeProfile(operator, { displayName: 'Nok K.' }).districts).toEqual(['TH2401', 'TH2404']);
    expect(
      mergeProfile(null, { displayName: 'N', role: 'operator', districts: ['TH2410', 'TH2401'] }).districts,
    ).toEqual(['TH2401', 'TH2410']);
    expect(mergeProfile(operator, { districts: [] }).districts).toBeNull();
  });

  it('drops the station and districts that the new role does not have', () => {
    expect(mergeProfile(officer, { role: 'planner' })).toEqual({
      ...officer,
      role: 'planner',
      station: null,
    });
    expect(mergeProfile(operator, { role: 'viewer' })).toEqual({
      ...operator,
      role: 'viewer',
      districts: null,
    });
    expect(() => mergeProfile(operator, { role: 'police' })).toThrow(/station/);
  });

  it('lists what changed for the audit log', () => {
    const after = mergeProfile(officer, { role: 'planner', displayName: 'Somsak' });
    expect(profileChanges(officer, after)).toEqual({
      displayName: { from: 'Sgt. Somsak', to: 'Somsak' },
      role: { from: 'police', to: 'planner' },
      station: { from: 'Mueang Chachoengsao', to: null },
    });
  });
});
