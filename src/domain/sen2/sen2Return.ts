/*
 * Building the DfE's person-level SEN2 return for a census date from plain case facts (issue 18).
 * Version followed and what could not be confirmed: see ./codes.ts. The module tree (from the 2023
 * technical specification v1.1 and the 2025 guide v1.4, as COLLECT exports it):
 *
 *   Person ─┬─ Requests (1 or more) ─┬─ Assessment (0–1) ── NamedPlan (0–1) ── PlanDetail (1–2)
 *           │                        └─ ActivePlans (0–1) ─┬─ PlacementDetail (1 or more)
 *           │                                              └─ SENneed (1–2)
 *
 * What happened after the census date has not happened yet as far as the return is concerned: a
 * decision made after it leaves the request "not yet decided" (A), a plan issued after it is not yet a
 * plan, a plan ceased after it is still active. So no record this builds is dated after the census date.
 * Which requests are in scope: every request received on or before the census date that was still open
 * at the start of the previous calendar year or was made or decided since, as the guide's scope (1.3) describes;
 * // unconfirmed: the exact scope rules of section 1.3 were not returned by search beyond their headings.
 */
import type { IsoDate } from '../dates'
import type { Requester } from '../caseIntake'
import type {
  AssessmentOutcome,
  CeaseReason,
  Ethnicity,
  RequestOutcome,
  RequestSource,
  ReviewOutcome,
  SenSetting,
  SenType,
  Sex,
  UpnUnknownReason,
} from './codes'
import { MAX_SEN_TYPES } from './codes'

/** The school or setting named in a plan, or attended: a URN, a UKPRN or, for neither, a setting code. */
export interface PlacementFacts {
  urn: string | null
  ukprn: string | null
  setting: SenSetting | null
  /** The day the child or young person started there (placements attended only). */
  startedOn?: IsoDate | null
}

export interface RequestFacts {
  caseId: string
  reference: string
  receivedOn: IsoDate
  requestedBy: Requester | null
  /** What the caseworker chose for the return, when Panel's "requested by" does not say it. */
  requestSource: RequestSource | null
  /** The day the case was withdrawn, if it was. */
  withdrawnOn: IsoDate | null
  assessmentDecision: 'agree' | 'refuse' | null
  assessmentDecidedOn: IsoDate | null
  planDecision: 'issue' | 'not_issue' | null
  planDecisionOn: IsoDate | null
  finalPlanIssuedOn: IsoDate | null
  /** An exception to the 20-week limit recorded on the case (case_exceptions, issue_final_plan). */
  week20Exception: boolean
  requestMediation: boolean
  requestTribunal: boolean
  assessmentMediation: boolean
  assessmentTribunal: boolean
  planStartOn: IsoDate | null
  planCeasedOn: IsoDate | null
  planCeaseReason: CeaseReason | null
  namedPlacement: PlacementFacts | null
  /** The case the assessment's outcome and the plan were recorded on, when not this one (issue_plan). */
  planCaseId?: string
}

/**
 * A case on whether to issue a plan after an assessment (kind issue_plan): Panel keeps it apart from the
 * request, so its plan decision and the plan's details join the request it follows.
 */
export interface IssuePlanFacts {
  caseId: string
  receivedOn: IsoDate
  planDecision: 'issue' | 'not_issue' | null
  planDecisionOn: IsoDate | null
  finalPlanIssuedOn: IsoDate | null
  week20Exception: boolean
  assessmentMediation: boolean
  assessmentTribunal: boolean
  planStartOn: IsoDate | null
  planCeasedOn: IsoDate | null
  planCeaseReason: CeaseReason | null
  namedPlacement: PlacementFacts | null
}

export interface ReviewFacts {
  caseId: string
  reference: string
  kind: 'annual_review' | 'phase_transfer'
  receivedOn: IsoDate
  meetingOn: IsoDate | null
  noticeOn: IsoDate | null
  decision: 'maintain' | 'amend' | 'cease' | null
  transferYear: number | null
  transferType: 'school' | 'post16' | 'post16_move' | null
  transferOn: IsoDate | null
  finalPlanIssuedOn: IsoDate | null
}

export interface PersonFacts {
  childId: string
  /** The case the caseworker fixes the person's details on: the latest of the child's cases. */
  caseId: string
  surname: string
  forename: string
  birthDate: IsoDate
  sex: Sex | null
  ethnicity: Ethnicity | null
  postcode: string | null
  upn: string | null
  uln: string | null
  upnUnknownReason: UpnUnknownReason | null
  /** Ranked: the first is the primary need. */
  senTypes: readonly SenType[]
  /** The school or setting attended now, for the active plan's placement detail. */
  attending: PlacementFacts | null
  requests: readonly RequestFacts[]
  reviews: readonly ReviewFacts[]
  issuePlans?: readonly IssuePlanFacts[]
}

export interface PersonRecord {
  caseId: string
  Surname: string
  Forename: string
  PersonBirthDate: IsoDate
  Sex: Sex | null
  Ethnicity: Ethnicity | null
  PostCode: string | null
  UPN: string | null
  UniqueLearnerNumber: string | null
  UPNunknown: UpnUnknownReason | null
}

export interface RequestRecord {
  caseId: string
  ReceivedDate: IsoDate | null
  RequestSource: RequestSource | null
  RequestOutcomeDate: IsoDate | null
  RequestOutcome: RequestOutcome
  RequestMediation: boolean
  RequestTribunal: boolean
  Exported: boolean
  assessment: AssessmentRecord | null
  activePlans: ActivePlansRecord | null
}

export interface AssessmentRecord {
  caseId: string
  AssessmentOutcome: AssessmentOutcome
  AssessmentOutcomeDate: IsoDate | null
  AssessmentMediation: boolean
  AssessmentTribunal: boolean
  OtherMediation: boolean
  OtherTribunal: boolean
  Week20: boolean
  namedPlan: NamedPlanRecord | null
}

export interface PlacementRecord {
  caseId: string
  URN: string | null
  UKPRN: string | null
  SENsetting: SenSetting | null
  PlacementRank: number
  EntryDate?: IsoDate | null
}

export interface NamedPlanRecord {
  caseId: string
  StartDate: IsoDate | null
  CeaseDate: IsoDate | null
  CeaseReason: CeaseReason | null
  planDetail: PlacementRecord[]
}

export interface ActivePlansRecord {
  caseId: string
  ReviewMeeting: IsoDate | null
  ReviewOutcome: ReviewOutcome | null
  LastReview: IsoDate | null
  ReviewDraft: IsoDate | null
  PhaseTransferDueDate: IsoDate | null
  PhaseTransferFinalDate: IsoDate | null
  placementDetail: PlacementRecord[]
  senNeed: { caseId: string; SENtypeRank: number; SENtype: SenType }[]
}

export interface Sen2PersonReturn {
  childId: string
  person: PersonRecord
  requests: RequestRecord[]
}

export interface Sen2Return {
  censusDate: IsoDate
  /** The collection year: the census date's. */
  year: number
  persons: Sen2PersonReturn[]
}

const SOURCE_OF: Record<Requester, RequestSource> = {
  parent: 'PARENT',
  young_person: 'YP',
  school: 'SCHOOL',
  health: 'HEALTH',
  social_care: 'SOCIAL',
  council: 'LA',
}

const REVIEW_OUTCOME_OF: Record<'maintain' | 'amend' | 'cease', ReviewOutcome> = {
  maintain: 'M',
  amend: 'A',
  cease: 'C',
}

/** A date that is on or before the census date, or nothing: later events have not happened yet. */
function by(date: IsoDate | null | undefined, census: IsoDate): IsoDate | null {
  return date && date <= census ? date : null
}

/**
 * The start of the calendar year the return covers: the year before the census date's (the January
 * census collects the requests of the previous calendar year and the plans active on the census date).
 */
export function yearStart(census: IsoDate): IsoDate {
  return `${Number(census.slice(0, 4)) - 1}-01-01`
}

/** The transfer deadline: 15 February for a school phase, 31 March into post-16 (reg 18). */
export function phaseTransferDueDate(r: ReviewFacts): IsoDate | null {
  if (r.transferType === 'post16_move') return r.transferOn
  if (!r.transferYear || !r.transferType) return null
  return r.transferType === 'post16' ? `${r.transferYear}-03-31` : `${r.transferYear}-02-15`
}

function placementRecord(caseId: string, p: PlacementFacts, census: IsoDate, attended: boolean) {
  const record: PlacementRecord = {
    caseId,
    URN: p.urn,
    UKPRN: p.urn ? null : p.ukprn,
    SENsetting: p.urn || p.ukprn ? null : p.setting,
    PlacementRank: 1,
  }
  return attended ? { ...record, EntryDate: by(p.startedOn ?? null, census) } : record
}

function requestOutcome(r: RequestFacts, census: IsoDate): { outcome: RequestOutcome; on: IsoDate | null } {
  const decidedOn = by(r.assessmentDecidedOn, census)
  if (decidedOn && r.assessmentDecision) {
    const outcome = r.assessmentDecision === 'agree' ? 'Y' : 'N'
    // A request decided before the collection year, kept only because its plan is active (guide 1.3.1).
    return { outcome: decidedOn < yearStart(census) && outcome === 'Y' ? 'H' : outcome, on: decidedOn }
  }
  const withdrawnOn = by(r.withdrawnOn, census)
  if (withdrawnOn) return { outcome: 'W', on: withdrawnOn }
  return { outcome: 'A', on: null }
}

function assessmentRecord(r: RequestFacts, census: IsoDate): AssessmentRecord {
  const caseId = r.planCaseId ?? r.caseId
  const issuedOn = by(r.finalPlanIssuedOn, census)
  const notIssuedOn = r.planDecision === 'not_issue' ? by(r.planDecisionOn, census) : null
  const withdrawnOn = by(r.withdrawnOn, census)
  const [outcome, on]: [AssessmentOutcome, IsoDate | null] = issuedOn
    ? ['Y', issuedOn]
    : notIssuedOn
      ? ['N', notIssuedOn]
      : withdrawnOn
        ? ['W', withdrawnOn]
        : ['A', null]
  const ceasedOn = by(r.planCeasedOn, census)
  const namedPlan: NamedPlanRecord | null =
    outcome === 'Y'
      ? {
          caseId,
          StartDate: by(r.planStartOn ?? issuedOn, census),
          CeaseDate: ceasedOn,
          CeaseReason: ceasedOn ? r.planCeaseReason : null,
          planDetail: r.namedPlacement ? [placementRecord(caseId, r.namedPlacement, census, false)] : [],
        }
      : null
  return {
    caseId,
    AssessmentOutcome: outcome,
    AssessmentOutcomeDate: on,
    AssessmentMediation: r.assessmentMediation,
    AssessmentTribunal: r.assessmentTribunal,
    OtherMediation: false,
    OtherTribunal: false,
    Week20: r.week20Exception,
    namedPlan,
  }
}

/** Whether the request belongs in this year's return (received by the census date, and live in the year). */
function inScope(r: RequestFacts, census: IsoDate): boolean {
  if (r.receivedOn > census) return false
  const start = yearStart(census)
  const lastEvent = [r.assessmentDecidedOn, r.planDecisionOn, r.finalPlanIssuedOn, r.withdrawnOn]
    .map((d) => by(d, census))
    .filter((d): d is IsoDate => d !== null)
    .sort()
    .at(-1)
  const planActive = by(r.finalPlanIssuedOn, census) !== null && by(r.planCeasedOn, census) === null
  const stillOpen = by(r.withdrawnOn, census) === null && !lastEvent
  return r.receivedOn >= start || planActive || stillOpen || (lastEvent !== undefined && lastEvent >= start)
}

function activePlansRecord(p: PersonFacts, caseId: string, census: IsoDate): ActivePlansRecord {
  const review = [...p.reviews]
    .filter((r) => r.receivedOn <= census)
    .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))
    .at(-1)
  const noticeOn = review ? by(review.noticeOn, census) : null
  const transfer = review?.kind === 'phase_transfer' ? review : null
  return {
    caseId: review?.caseId ?? caseId,
    ReviewMeeting: review ? by(review.meetingOn, census) : null,
    ReviewOutcome: review?.decision && noticeOn ? REVIEW_OUTCOME_OF[review.decision] : null,
    LastReview: noticeOn,
    // The notice of proposed amendments is the draft the family comments on (reg 22(2)(c)).
    ReviewDraft: review?.decision === 'amend' ? noticeOn : null,
    PhaseTransferDueDate: transfer ? by(phaseTransferDueDate(transfer), census) : null,
    PhaseTransferFinalDate: transfer ? by(transfer.finalPlanIssuedOn, census) : null,
    placementDetail: p.attending
      ? [placementRecord(review?.caseId ?? caseId, p.attending, census, true)]
      : [],
    senNeed: p.senTypes.slice(0, MAX_SEN_TYPES).map((t, i) => ({
      caseId: p.caseId,
      SENtypeRank: i + 1,
      SENtype: t,
    })),
  }
}

/**
 * Each issue_plan case joins the latest request received on or before it whose decision was to assess,
 * filling what the request itself does not record. One with no such request in Panel (the assessment
 * was agreed before Panel) is left out of the return: // unconfirmed: how the guide wants such a plan
 * reported beyond an active plan's historic request; its reviews still report the plan as active.
 */
export function joinIssuePlanCases(
  requests: readonly RequestFacts[],
  issuePlans: readonly IssuePlanFacts[],
): RequestFacts[] {
  const joined = requests.map((r) => ({ ...r }))
  const byDate = [...issuePlans].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))
  for (const ip of byDate) {
    const target = joined
      .filter((r) => r.receivedOn <= ip.receivedOn && r.assessmentDecision === 'agree')
      .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))
      .at(-1)
    if (!target || target.planDecision !== null || target.finalPlanIssuedOn !== null) continue
    Object.assign(target, {
      planDecision: ip.planDecision,
      planDecisionOn: ip.planDecisionOn,
      finalPlanIssuedOn: ip.finalPlanIssuedOn,
      week20Exception: target.week20Exception || ip.week20Exception,
      assessmentMediation: target.assessmentMediation || ip.assessmentMediation,
      assessmentTribunal: target.assessmentTribunal || ip.assessmentTribunal,
      planStartOn: target.planStartOn ?? ip.planStartOn,
      planCeasedOn: target.planCeasedOn ?? ip.planCeasedOn,
      planCeaseReason: target.planCeaseReason ?? ip.planCeaseReason,
      namedPlacement: target.namedPlacement ?? ip.namedPlacement,
      planCaseId: ip.caseId,
    })
  }
  return joined
}

/** Whether the latest review by the census date decided to cease the plan, and told the family. */
function ceasedAtReview(reviews: readonly ReviewFacts[], census: IsoDate): boolean {
  const latest = [...reviews]
    .filter((r) => r.receivedOn <= census)
    .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))
    .at(-1)
  return latest?.decision === 'cease' && by(latest.noticeOn, census) !== null
}

/** Whether the person's plan is active at the census date: issued by then and not ceased by then. */
function planActiveAt(requests: readonly RequestRecord[]): RequestRecord | undefined {
  return requests.find((r) => {
    const plan = r.assessment?.namedPlan
    return plan !== null && plan !== undefined && plan.CeaseDate === null
  })
}

export function buildPersonReturn(p: PersonFacts, census: IsoDate): Sen2PersonReturn | null {
  const requests: RequestRecord[] = joinIssuePlanCases(p.requests, p.issuePlans ?? [])
    .filter((r) => inScope(r, census))
    .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0))
    .map((r) => {
      const { outcome, on } = requestOutcome(r, census)
      return {
        caseId: r.caseId,
        ReceivedDate: r.receivedOn,
        RequestSource: r.requestSource ?? (r.requestedBy ? SOURCE_OF[r.requestedBy] : null),
        RequestOutcomeDate: on,
        RequestOutcome: outcome,
        RequestMediation: r.requestMediation,
        RequestTribunal: r.requestTribunal,
        Exported: false,
        assessment: outcome === 'Y' || outcome === 'H' ? assessmentRecord(r, census) : null,
        activePlans: null,
      }
    })
  const reviewsByCensus = p.reviews.filter((r) => r.receivedOn <= census)
  const withPlan = planActiveAt(requests)
  if (withPlan) {
    withPlan.activePlans = activePlansRecord(p, withPlan.caseId, census)
  } else if (
    reviewsByCensus.length > 0 &&
    !ceasedAtReview(reviewsByCensus, census) &&
    !requests.some((r) => r.assessment?.namedPlan?.CeaseDate)
  ) {
    // A plan Panel did not make (issued before Panel, or by another council): its reviews show it is
    // active, so the return needs a historic request to hang it on. // unconfirmed: H for such requests.
    const first = [...reviewsByCensus].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))[0]!
    requests.push({
      caseId: first.caseId,
      ReceivedDate: null,
      RequestSource: null,
      RequestOutcomeDate: null,
      RequestOutcome: 'H',
      RequestMediation: false,
      RequestTribunal: false,
      Exported: false,
      assessment: null,
      activePlans: activePlansRecord(p, first.caseId, census),
    })
  }
  if (requests.length === 0) return null
  return {
    childId: p.childId,
    person: {
      caseId: p.caseId,
      Surname: p.surname,
      Forename: p.forename,
      PersonBirthDate: p.birthDate,
      Sex: p.sex,
      Ethnicity: p.ethnicity,
      PostCode: p.postcode,
      UPN: p.upn,
      UniqueLearnerNumber: p.uln,
      UPNunknown: p.upn || p.uln ? null : p.upnUnknownReason,
    },
    requests,
  }
}

/** The return for a census date: one person for each child with a request or an active plan in scope. */
export function buildSen2Return(people: readonly PersonFacts[], censusDate: IsoDate): Sen2Return {
  return {
    censusDate,
    year: Number(censusDate.slice(0, 4)),
    persons: people
      .map((p) => buildPersonReturn(p, censusDate))
      .filter((p): p is Sen2PersonReturn => p !== null),
  }
}
