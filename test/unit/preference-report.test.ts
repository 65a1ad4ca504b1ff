import fc from 'fast-check'
import { addDays } from '../../src/domain/dates'
import { DISAGREEMENT_GROUNDS } from '../../src/domain/decisionRules'
import {
  lastTwelveMonths,
  preferenceReport,
  selectDecisions,
  settingNamed,
  type PreferenceDecision,
  type Selection,
} from '../../src/domain/preferenceReport'
import { CASE_KINDS } from '../../src/domain/vocabulary'

let n = 0
function decision(over: Partial<PreferenceDecision> = {}): PreferenceDecision {
  n += 1
  return {
    decisionId: `d${String(n).padStart(4, '0')}`,
    caseId: `c${n}`,
    reference: `NS-2026-${String(n).padStart(4, '0')}`,
    kind: 'assessment_request',
    caseStatus: 'decided',
    panelId: 'p-send',
    panelName: 'SEND decision-making panel',
    decidedOn: '2026-03-10',
    outcome: 'agree_to_assess',
    matchesPreference: true,
    disagreementGround: null,
    disagreementExplanation: null,
    namedSetting: null,
    preferredSetting: null,
    ...over,
  }
}

const placementRefused = (over: Partial<PreferenceDecision> = {}) =>
  decision({
    kind: 'placement',
    panelId: 'p-place',
    panelName: 'Placement panel',
    outcome: 'name_different_setting',
    matchesPreference: false,
    disagreementGround: 'unsuitable_for_child',
    disagreementExplanation: 'It cannot meet her physical needs.',
    namedSetting: 'Riverside Special School',
    preferredSetting: 'Brookfield Vale School',
    ...over,
  })

const period = { from: '2026-01-01', to: '2026-06-30' }

describe('decisions against the family’s preference (issue 18 point 3)', () => {
  it('counts decisions that differed by kind, panel, month, ground and setting, leaving out deferrals', () => {
    const decisions = [
      decision(),
      decision({
        outcome: 'refuse_to_assess',
        matchesPreference: false,
        disagreementExplanation: 'Support is working.',
      }),
      // a deferral decides nothing: neither matches nor differs
      decision({ outcome: 'defer', matchesPreference: null }),
      placementRefused({ decidedOn: '2026-02-03' }),
      placementRefused({
        decidedOn: '2026-02-17',
        disagreementGround: 'incompatible_with_use_of_resources',
        preferredSetting: ' brookfield  vale school',
      }),
      decision({
        kind: 'placement',
        panelId: 'p-place',
        panelName: 'Placement panel',
        outcome: 'name_preference',
        preferredSetting: 'Brookfield Vale School',
        decidedOn: '2026-02-24',
      }),
    ]
    const r = preferenceReport(decisions, period)
    expect(r.total).toMatchObject({ decided: 5, differed: 3, percentDiffered: 60 })
    expect(r.byKind.find((k) => k.key === 'assessment_request')).toMatchObject({ decided: 2, differed: 1 })
    expect(r.byKind.find((k) => k.key === 'placement')).toMatchObject({
      decided: 3,
      differed: 2,
      percentDiffered: 67,
    })
    expect(r.byKind.find((k) => k.key === 'annual_review')).toMatchObject({
      decided: 0,
      percentDiffered: null,
    })
    expect(r.byKind.map((k) => k.key)).toEqual([...CASE_KINDS])
    expect(r.byPanel.map((p) => [p.label, p.decided, p.differed])).toEqual([
      ['Placement panel', 3, 2],
      ['SEND decision-making panel', 2, 1],
    ])
    expect(r.byMonth.map((m) => [m.key, m.decided, m.differed])).toEqual([
      ['2026-01', 0, 0],
      ['2026-02', 3, 2],
      ['2026-03', 2, 1],
      ['2026-04', 0, 0],
      ['2026-05', 0, 0],
      ['2026-06', 0, 0],
    ])
    expect(Object.fromEntries(r.byGround.map((g) => [g.key, g.differed]))).toEqual({
      unsuitable_for_child: 1,
      incompatible_with_education_of_others: 0,
      incompatible_with_use_of_resources: 1,
      mainstream_incompatible_no_reasonable_steps: 0,
      none: 1,
    })
    // the school named when the preference was named is the family's own
    expect(r.bySetting.map((s) => [s.label, s.decided, s.differed])).toEqual([
      ['Riverside Special School', 2, 2],
      ['Brookfield Vale School', 1, 0],
    ])
    // the same school however it was typed, with its grounds
    expect(r.refusedSettings).toHaveLength(1)
    expect(r.refusedSettings[0]).toMatchObject({ label: 'Brookfield Vale School', refused: 2 })
    expect(r.refusedSettings[0]!.grounds.map((g) => [g.ground, g.refused])).toEqual([
      ['unsuitable_for_child', 1],
      ['incompatible_with_use_of_resources', 1],
    ])
    expect(r.explanations.map((e) => e.explanation)).toEqual([
      'Support is working.',
      'It cannot meet her physical needs.',
      'It cannot meet her physical needs.',
    ])
  })

  it('gives nothing differing when every decision matched the preference', () => {
    const r = preferenceReport([decision(), decision({ decidedOn: '2026-05-01' })], period)
    expect(r.total).toMatchObject({ decided: 2, differed: 0, percentDiffered: 0 })
    expect(r.byGround.every((g) => g.differed === 0)).toBe(true)
    expect(r.refusedSettings).toEqual([])
    expect(r.explanations).toEqual([])
  })

  it('counts a decision on a case later withdrawn, as the family was told it; a withdrawn case only deferred counts nothing', () => {
    const withdrawn = decision({
      caseStatus: 'withdrawn',
      matchesPreference: false,
      outcome: 'refuse_to_assess',
    })
    const deferredThenWithdrawn = decision({
      caseStatus: 'withdrawn',
      outcome: 'defer',
      matchesPreference: null,
    })
    const r = preferenceReport([withdrawn, deferredThenWithdrawn], period)
    expect(r.total).toMatchObject({ decided: 1, differed: 1 })
  })

  it('leaves out decisions outside the period, and shows every month of it even with none', () => {
    const r = preferenceReport(
      [decision({ decidedOn: '2025-12-31' }), decision({ decidedOn: '2026-07-01' })],
      period,
    )
    expect(r.total.decided).toBe(0)
    expect(r.byMonth).toHaveLength(6)
    expect(r.total.percentDiffered).toBeNull()
  })

  it('names the setting a decision names: recorded, or the family’s when the preference was named', () => {
    expect(settingNamed(placementRefused())).toBe('Riverside Special School')
    expect(settingNamed(decision({ outcome: 'name_preference', preferredSetting: ' Oak School ' }))).toBe(
      'Oak School',
    )
    expect(settingNamed(decision())).toBeNull()
  })

  it('starts the default period on the first of the month eleven months back', () => {
    expect(lastTwelveMonths('2026-11-23')).toEqual({ from: '2025-12-01', to: '2026-11-23' })
    expect(lastTwelveMonths('2026-12-05')).toEqual({ from: '2026-01-01', to: '2026-12-05' })
    expect(lastTwelveMonths('2027-01-31')).toEqual({ from: '2026-02-01', to: '2027-01-31' })
  })
})

const arbitraryDecision: fc.Arbitrary<PreferenceDecision> = fc
  .record({
    kind: fc.constantFrom(...CASE_KINDS),
    panel: fc.constantFrom('a', 'b', 'c'),
    day: fc.integer({ min: 0, max: 400 }),
    matches: fc.constantFrom<boolean | null>(true, false, null),
    ground: fc.option(fc.constantFrom(...DISAGREEMENT_GROUNDS), { nil: null }),
    named: fc.option(fc.constantFrom('Oak School', 'oak  school', 'Elm Academy'), { nil: null }),
    preferred: fc.option(fc.constantFrom('Oak School', 'Birch House', 'birch house '), { nil: null }),
    status: fc.constantFrom('decided' as const, 'closed' as const, 'withdrawn' as const),
  })
  .map((r) =>
    decision({
      kind: r.kind,
      panelId: r.panel,
      panelName: `Panel ${r.panel}`,
      decidedOn: addDays('2025-12-01', r.day),
      matchesPreference: r.matches,
      outcome:
        r.matches === null
          ? 'defer'
          : r.kind === 'placement'
            ? r.matches
              ? 'name_preference'
              : 'name_different_setting'
            : 'agree',
      disagreementGround: r.matches === false ? r.ground : null,
      disagreementExplanation: r.matches === false ? 'Because.' : null,
      namedSetting: r.named,
      preferredSetting: r.preferred,
      caseStatus: r.status,
    }),
  )

describe('preference report properties', () => {
  const decisionsArb = fc.array(arbitraryDecision, { maxLength: 40 })

  it('every count is exactly the number of decisions its link lists', () => {
    fc.assert(
      fc.property(decisionsArb, (decisions) => {
        const r = preferenceReport(decisions, period)
        const listed = (s: Selection) => selectDecisions(decisions, period, s).length
        const rows = [r.total, ...r.byKind, ...r.byPanel, ...r.byMonth, ...r.bySetting]
        for (const row of rows) {
          expect(listed(row.decidedSelection)).toBe(row.decided)
          expect(listed(row.differedSelection)).toBe(row.differed)
        }
        for (const g of r.byGround) expect(listed(g.selection)).toBe(g.differed)
        for (const s of r.refusedSettings) {
          expect(listed(s.selection)).toBe(s.refused)
          for (const g of s.grounds) expect(listed(g.selection)).toBe(g.refused)
        }
      }),
    )
  })

  it('the groups add up to the whole: kinds, panels and months each sum to the total; grounds to those that differed', () => {
    fc.assert(
      fc.property(decisionsArb, (decisions) => {
        const r = preferenceReport(decisions, period)
        const sum = (rows: { decided: number; differed: number }[]) =>
          rows.reduce((t, x) => ({ decided: t.decided + x.decided, differed: t.differed + x.differed }), {
            decided: 0,
            differed: 0,
          })
        const total = { decided: r.total.decided, differed: r.total.differed }
        expect(sum(r.byKind)).toEqual(total)
        expect(sum(r.byPanel)).toEqual(total)
        expect(sum(r.byMonth)).toEqual(total)
        expect(r.byGround.reduce((t, g) => t + g.differed, 0)).toBe(r.total.differed)
        expect(r.explanations).toHaveLength(r.total.differed)
        for (const s of r.refusedSettings)
          expect(s.grounds.reduce((t, g) => t + g.refused, 0)).toBe(s.refused)
        // no deferral and nothing outside the period is ever counted
        const inside = decisions.filter((d) => d.decidedOn >= period.from && d.decidedOn <= period.to)
        expect(r.total.decided).toBe(inside.filter((d) => d.matchesPreference !== null).length)
      }),
    )
  })

  it('a decision matching the preference never raises a "differed" figure', () => {
    fc.assert(
      fc.property(decisionsArb, arbitraryDecision, (decisions, extra) => {
        const matching = {
          ...extra,
          matchesPreference: true,
          decidedOn: '2026-03-01',
          disagreementGround: null,
        }
        const before = preferenceReport(decisions, period)
        const after = preferenceReport([...decisions, matching], period)
        expect(after.total.differed).toBe(before.total.differed)
        expect(after.total.decided).toBe(before.total.decided + 1)
        expect(after.byGround).toEqual(before.byGround)
        expect(after.refusedSettings).toEqual(before.refusedSettings)
      }),
    )
  })
})
