import type { LetterFacts, LetterSettings } from '../../src/domain/letters/types'
import type { CaseKind } from '../../src/domain/vocabulary'

/** Where every letter sends the family to read the privacy notice (PUBLIC_URL/privacy). */
export const PRIVACY_URL = 'https://panel.northshire.example.org/privacy'

/** A council's letter settings and a decision's facts, for the letter tests. */
export const SETTINGS: LetterSettings = {
  councilName: 'Northshire County Council',
  councilAddress: ['County Hall', 'Ashcombe', 'AS1 1AA'],
  sendTeam: { phone: '01632 960000', email: 'send@northshire.example' },
  informationAdvice: {
    name: 'Northshire SENDIASS',
    phone: '01632 960111',
    email: 'sendiass@northshire.example',
    website: 'https://sendiass.northshire.example',
  },
  mediation: { name: 'Core Mediation', phone: '01632 960222', email: 'mediation@core.example' },
  disagreementResolution: { name: 'Core Resolution', phone: '01632 960333', email: 'resolve@core.example' },
  tribunalUrl: 'https://www.gov.uk/appeal-ehc-plan-decision',
  complaintsUrl: 'https://www.northshire.example.org/complaints',
  signature: { name: 'Ann Holt', jobTitle: 'Head of SEND' },
  followUpWorkingDays: 10,
  localOfferWords: 'You can find all the help we offer on our local offer website.',
}

export function facts(kind: CaseKind, outcome: string, changes: Partial<LetterFacts> = {}): LetterFacts {
  return {
    kind,
    outcome,
    child: { firstName: 'Zara', lastName: 'Quinn' },
    reference: 'NS-2026-0042',
    addressee: { name: 'Alex Quinn', addressLines: ['12 Mill Lane', 'Ashcombe', 'AS2 3BC'] },
    letterDate: '2026-11-26',
    reasons: ['Zara is making good progress.', 'Her school knows how to help her.'],
    // A deferral decides nothing, so it neither matches nor differs from what the family asked.
    matchesPreference: outcome === 'defer' ? null : false,
    familyAsked: 'We want Zara to have more help in class.',
    preferredSetting: kind === 'placement' || kind === 'phase_transfer' ? 'Brookfield Vale School' : null,
    namedSetting:
      outcome === 'name_different_setting' ||
      (kind === 'phase_transfer' && outcome !== 'cease' && outcome !== 'defer')
        ? 'Longmoor High School'
        : null,
    disagreementGround: kind === 'placement' || kind === 'phase_transfer' ? 'unsuitable_for_child' : null,
    disagreementExplanation: 'We think her school can meet her needs.',
    conditions: null,
    deferral:
      outcome === 'defer'
        ? {
            action: 'Get the health advice.',
            owner: 'Your caseworker',
            dueOn: '2026-12-10',
            nextSittingOn: '2026-12-15',
          }
        : null,
    toYoungPerson: false,
    dueDates: {
      notify_plan_not_issued: '2027-01-14',
      issue_final_plan: '2027-02-11',
      issue_amended_plan: '2027-02-15',
    },
    caseworker: { name: 'Priya Shah', phone: '01632 960444', email: 'priya.shah@northshire.example' },
    bankHolidays: new Set(['2026-12-25', '2026-12-28', '2027-01-01']),
    privacyUrl: PRIVACY_URL,
    ...changes,
  }
}
