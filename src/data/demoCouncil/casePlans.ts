import type { CaseKind } from '../../domain/vocabulary'
import type { DecisionKey } from './wording'

interface PlanBase {
  /** A ChildSeed key. */
  child: string
  kind: CaseKind
  /** caseworker@, caseworker2@ or caseworker3@example.org. */
  caseworker: 1 | 2 | 3
  /** Weeks between the request arriving and today. */
  receivedWeeksAgo: number
  requestedBy?: string
  asks?: string
  prefers?: { setting: string; mainstream: boolean }
  complex?: boolean
}

export type CasePlan = PlanBase &
  (
    | { status: 'draft' | 'submitted' }
    /** upcoming: 1 is the panel's next sitting. deferredAt: a held sitting that deferred it once already. */
    | { status: 'scheduled'; upcoming: number; deferredAt?: { held: number; decision: DecisionKey } }
    /** held: 1 is the panel's most recent held sitting. */
    | { status: 'decided' | 'closed'; held: number; decision: DecisionKey }
    /** On a sitting already held whose record the chair has still to write up: no decision yet. */
    | { status: 'awaiting'; held: number }
  )

type Extras = Pick<PlanBase, 'requestedBy' | 'asks' | 'prefers' | 'complex'>
type Stage = 'draft' | 'submitted'

const mainstream = (setting: string) => ({ prefers: { setting, mainstream: true } })
const special = (setting: string) => ({ prefers: { setting, mainstream: false } })

// Arguments in the order a caseworker would say them: whose case, what kind, whose caseload, how long ago it came in.
const waiting =
  (status: Stage) =>
  (
    child: string,
    kind: CaseKind,
    caseworker: 1 | 2 | 3,
    receivedWeeksAgo: number,
    extras: Extras = {},
  ): CasePlan => ({
    child,
    kind,
    caseworker,
    receivedWeeksAgo,
    ...extras,
    status,
  })
const draft = waiting('draft')
const submitted = waiting('submitted')

function scheduled(
  child: string,
  kind: CaseKind,
  caseworker: 1 | 2 | 3,
  receivedWeeksAgo: number,
  upcoming: number,
  extras: Extras & { deferredAt?: { held: number; decision: DecisionKey } } = {},
): CasePlan {
  return { child, kind, caseworker, receivedWeeksAgo, ...extras, status: 'scheduled', upcoming }
}

const settled =
  (status: 'decided' | 'closed') =>
  (
    child: string,
    kind: CaseKind,
    caseworker: 1 | 2 | 3,
    receivedWeeksAgo: number,
    held: number,
    decision: DecisionKey,
    extras: Extras = {},
  ): CasePlan => ({ child, kind, caseworker, receivedWeeksAgo, ...extras, status, held, decision })
const decided = settled('decided')

function awaiting(
  child: string,
  kind: CaseKind,
  caseworker: 1 | 2 | 3,
  receivedWeeksAgo: number,
  held: number,
  extras: Extras = {},
): CasePlan {
  return { child, kind, caseworker, receivedWeeksAgo, ...extras, status: 'awaiting', held }
}
const closed = settled('closed')

/**
 * Forty-two cases about forty children, at every stage. Two children belong to the demo family
 * accounts: Maya (parent@) and Zain (parent2@). The weeks are chosen so that every decision meets
 * its statutory time limit whatever weekday the demo is seeded on, except Poppy's: her plan
 * decision is already past its 16-week limit, so the demo shows an overdue case.
 */
export const CASE_PLANS: readonly CasePlan[] = [
  decided('maya', 'assessment_request', 1, 10, 6, 'agreeToAssess'),
  // Far enough ahead that Maya's family can still send their views before the papers go out.
  scheduled('maya', 'issue_plan', 1, 10, 3),
  closed('zain', 'issue_plan', 2, 19, 7, 'issuePlan'),
  decided('zain', 'placement', 2, 6, 2, 'nameCheaperSuitableSchool', {
    ...special('Oakfield House School'),
    complex: true,
  }),

  draft('oliver', 'assessment_request', 1, 0),
  // Received five weeks ago with advice only just in: no sitting before its 6-week deadline can take it, so it shows as at risk.
  submitted('amara', 'assessment_request', 1, 5),
  submitted('harry', 'assessment_request', 2, 3),
  scheduled('aisha', 'assessment_request', 1, 4, 1),
  scheduled('jack', 'assessment_request', 3, 3, 1, { requestedBy: 'School' }),
  scheduled('isla', 'assessment_request', 2, 4, 1, { deferredAt: { held: 2, decision: 'deferAssessment' } }),
  decided('kacper', 'assessment_request', 3, 7, 3, 'agreeToAssessSchoolRequest', { requestedBy: 'School' }),
  // The SEND panel's last sitting, for the chair to write up: three items with no decision recorded yet.
  awaiting('freya', 'assessment_request', 1, 5, 1),
  decided('ethan', 'assessment_request', 2, 9, 5, 'agreeToAssess'),
  decided('sofia', 'assessment_request', 3, 8, 4, 'agreeToAssess'),
  draft('leo', 'assessment_request', 2, 1, { requestedBy: 'Nursery' }),

  decided('grace', 'issue_plan', 1, 17, 3, 'issuePlan'),
  awaiting('mohammed', 'issue_plan', 3, 15, 1),
  submitted('ruby', 'issue_plan', 2, 13),
  closed('noah', 'issue_plan', 1, 19, 6, 'issuePlan'),
  submitted('poppy', 'issue_plan', 3, 17, { complex: true }),

  decided('arjun', 'placement', 2, 7, 4, 'namePreference', special('Brookfield Vale School')),
  decided('evie', 'placement', 3, 5, 1, 'nameSchoolThatMeetsPhysicalNeeds', {
    ...special('Brookfield Vale School'),
    complex: true,
  }),
  scheduled('theo', 'placement', 1, 3, 1, mainstream('Ashcombe Academy')),
  scheduled('hafsa', 'placement', 2, 2, 2, special('Riverside Special School')),
  submitted('alfie', 'placement', 3, 1, special('Brookfield Vale School')),
  draft('lily', 'placement', 2, 0, mainstream('Longmoor High School')),
  closed('tyler', 'placement', 1, 9, 5, 'namePreference', {
    ...special('Brookfield Vale School'),
    requestedBy: "Foster carers, with Tyler's social worker",
    complex: true,
  }),

  decided('niamh', 'annual_review', 1, 4, 2, 'maintainPlan'),
  decided('ibrahim', 'annual_review', 2, 6, 4, 'amendPlan', {
    asks: 'Add speech and language therapy to the plan.',
  }),
  closed('erin', 'annual_review', 3, 5, 3, 'ceasePlanNowWorking', {
    requestedBy: 'Young person',
    asks: 'End my plan now that I have a full-time job.',
  }),
  scheduled('reuben', 'annual_review', 3, 2, 1, {
    asks: 'Keep the plan, and add help with planning for life after school.',
  }),
  submitted('chloe', 'annual_review', 1, 1, {
    requestedBy: 'Young person',
    asks: 'Keep my plan at sixth form, with help to get around the site.',
  }),
  draft('dylan', 'annual_review', 2, 0, { asks: 'Add more speech and language therapy to the plan.' }),
  scheduled('anaya', 'annual_review', 1, 1, 2),

  awaiting('kian', 'phase_transfer', 2, 5, 1, mainstream('Longmoor High School')),
  scheduled('esme', 'phase_transfer', 3, 2, 1, mainstream('Northshire College')),
  submitted('joshua', 'phase_transfer', 1, 1, mainstream('Ashcombe Academy')),
  draft('layla', 'phase_transfer', 3, 0, mainstream('Hollins Brook Primary School')),

  decided('callum', 'alternative_provision', 1, 3, 1, 'agreeTuitionPlace', {
    asks: 'A place at the Northshire Tuition Centre while Callum is too unwell to go to school.',
  }),
  decided('mia', 'alternative_provision', 2, 5, 3, 'agreeFewerHours', {
    asks: 'Top-up funding for a teaching assistant for the whole school day.',
  }),
  scheduled('samuel', 'alternative_provision', 3, 1, 1, {
    asks: 'A part-time place at the Northshire Tuition Centre for one term.',
  }),
  decided('holly', 'alternative_provision', 3, 8, 6, 'refuseOutdoorLearning', {
    asks: 'Funding for two days a week at an outdoor learning centre.',
  }),
]
