import { checkEligibility, checkHrReadiness } from './hr-profile-checks';

describe(checkEligibility.name, () => {
  const today = '2026-11-22';

  it.each([
    ['namely', {}, true],
    ['namely', { enddate: '2026-12-31' }, true],
    ['namely', { enddate: '2026-11-22' }, 'EMPLOYMENT_ENDED'],
    ['namely', { enddate: '2025-01-10 05:00 PM' }, 'EMPLOYMENT_ENDED'],
    ['namely', { enddate: 'someday' }, 'INVALID_END_DATE'],
    ['hrcloud', { enddate: '2025-01-10' }, true],
  ] as const)('%s with %p -> %p', (profile, person, expected) => {
    const sut = checkEligibility(profile, person, today);

    expect(sut.eligible ? true : sut.reason).toBe(expected);
  });

  it('explains the skip to the admin', () => {
    const sut = checkEligibility('namely', { enddate: '2025-01-10' }, today);

    expect(!sut.eligible && sut.message).toBe('employment ended on 2025-01-10; namely imports active profiles only');
  });
});

describe(checkHrReadiness.name, () => {
  it.each([
    ['hrcloud', [], true],
    ['namely', [{ label: 'icims_id', type: 'text' }, { label: 'x', type: 'date' }], true],
    ['namely', [{ label: 'icims_id', type: 'Text' }], true],
    ['namely', [], 'ICIMS_ID_FIELD_MISSING'],
    ['namely', [{ label: 'icims id', type: 'text' }], 'ICIMS_ID_FIELD_MISSING'],
    ['namely', 'garbage', 'ICIMS_ID_FIELD_MISSING'],
    ['namely', [{ label: 'icims_id', type: 'number' }], 'ICIMS_ID_FIELD_NOT_TEXT'],
  ] as const)('%s with fields %p -> %p', (profile, fields, expected) => {
    const sut = checkHrReadiness(profile, fields);

    expect(sut.ready ? true : sut.code).toBe(expected);
  });

  it('tells the admin how to fix a missing field', () => {
    const sut = checkHrReadiness('namely', []);

    expect(!sut.ready && sut.message).toMatch(/Profile Fields, type Text, then import again/);
  });
});
