/*
 * SQL for the SEN2 return (issue 18): the child's and the case's SEN2 details, and every case's facts
 * the return is built from (src/domain/sen2/sen2Return.ts).
 */
import type { Executor } from './db'
import type { IsoDate } from '../domain/dates'
import type { CaseKind, CaseStatus } from '../domain/vocabulary'
import type { Requester } from '../domain/caseIntake'
import type {
  IssuePlanFacts,
  PersonFacts,
  PlacementFacts,
  RequestFacts,
  ReviewFacts,
} from '../domain/sen2/sen2Return'
import type {
  CeaseReason,
  Ethnicity,
  RequestSource,
  SenSetting,
  SenType,
  Sex,
  UpnUnknownReason,
} from '../domain/sen2/codes'

/** What the caseworker enters on /cases/:id/sen2: the child's items and the case's. */
export interface Sen2Details {
  sex: Sex | null
  ethnicity: Ethnicity | null
  postcode: string | null
  upn: string | null
  uln: string | null
  upnUnknownReason: UpnUnknownReason | null
  senTypes: SenType[]
  attendingUrn: string | null
  attendingUkprn: string | null
  attendingSetting: SenSetting | null
  attendingSince: IsoDate | null
  requestSource: RequestSource | null
  requestMediation: boolean
  requestTribunal: boolean
  assessmentMediation: boolean
  assessmentTribunal: boolean
  planStartOn: IsoDate | null
  planCeasedOn: IsoDate | null
  planCeaseReason: CeaseReason | null
  placementUrn: string | null
  placementUkprn: string | null
  placementSetting: SenSetting | null
}

export interface CaseSen2 {
  caseId: string
  childId: string
  reference: string
  kind: CaseKind
  version: number
  caseworkerId: string
  childName: string
  details: Sen2Details
}

const CHILD_COLUMNS = {
  sex: 'sex',
  ethnicity: 'ethnicity',
  postcode: 'postcode',
  upn: 'upn',
  uln: 'uln',
  upnUnknownReason: 'upn_unknown_reason',
  senTypes: 'sen_types',
  attendingUrn: 'attending_urn',
  attendingUkprn: 'attending_ukprn',
  attendingSetting: 'attending_setting',
  attendingSince: 'attending_since',
} as const
const CASE_COLUMNS = {
  requestSource: 'request_source',
  requestMediation: 'request_mediation',
  requestTribunal: 'request_tribunal',
  assessmentMediation: 'assessment_mediation',
  assessmentTribunal: 'assessment_tribunal',
  planStartOn: 'plan_start_on',
  planCeasedOn: 'plan_ceased_on',
  planCeaseReason: 'plan_cease_reason',
  placementUrn: 'placement_urn',
  placementUkprn: 'placement_ukprn',
  placementSetting: 'placement_setting',
} as const

type Row = Record<string, unknown>

function day(v: unknown): IsoDate | null {
  if (v === null || v === undefined) return null
  if (v instanceof Date) {
    const y = v.getFullYear()
    const m = String(v.getMonth() + 1).padStart(2, '0')
    const d = String(v.getDate()).padStart(2, '0')
    return `${y}-${m}-${d}`
  }
  return String(v).slice(0, 10)
}
function text<T extends string>(v: unknown): T | null {
  return typeof v === 'string' && v !== '' ? (v as T) : null
}

function detailsOf(row: Row): Sen2Details {
  return {
    sex: text(row.sex),
    ethnicity: text(row.ethnicity),
    postcode: text(row.postcode),
    upn: text(row.upn),
    uln: text(row.uln),
    upnUnknownReason: text(row.upn_unknown_reason),
    senTypes: (Array.isArray(row.sen_types) ? row.sen_types : []) as SenType[],
    attendingUrn: text(row.attending_urn),
    attendingUkprn: text(row.attending_ukprn),
    attendingSetting: text(row.attending_setting),
    attendingSince: day(row.attending_since),
    requestSource: text(row.request_source),
    requestMediation: row.request_mediation === true,
    requestTribunal: row.request_tribunal === true,
    assessmentMediation: row.assessment_mediation === true,
    assessmentTribunal: row.assessment_tribunal === true,
    planStartOn: day(row.plan_start_on),
    planCeasedOn: day(row.plan_ceased_on),
    planCeaseReason: text(row.plan_cease_reason),
    placementUrn: text(row.placement_urn),
    placementUkprn: text(row.placement_ukprn),
    placementSetting: text(row.placement_setting),
  }
}

function selectCases(ex: Executor) {
  return ex('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .leftJoin('case_sen2_details as s', 's.case_id', 'c.id')
}

export async function loadCaseSen2(ex: Executor, caseId: string): Promise<CaseSen2 | undefined> {
  const row = (await selectCases(ex)
    .where('c.id', caseId)
    .first(
      'c.id as case_id',
      'c.child_id',
      'c.reference',
      'c.kind',
      'c.version',
      'c.caseworker_id',
      'ch.first_name',
      'ch.last_name',
      ...Object.values(CHILD_COLUMNS).map((c) => `ch.${c}`),
      ...Object.values(CASE_COLUMNS).map((c) => `s.${c}`),
    )) as Row | undefined
  if (!row) return undefined
  return {
    caseId: String(row.case_id),
    childId: String(row.child_id),
    reference: String(row.reference),
    kind: row.kind as CaseKind,
    version: Number(row.version),
    caseworkerId: String(row.caseworker_id),
    childName: `${String(row.first_name)} ${String(row.last_name)}`,
    details: detailsOf(row),
  }
}

export async function saveCaseSen2(
  ex: Executor,
  caseId: string,
  childId: string,
  d: Sen2Details,
): Promise<void> {
  const child: Row = {}
  for (const [k, c] of Object.entries(CHILD_COLUMNS)) child[c] = d[k as keyof Sen2Details]
  await ex('children')
    .where({ id: childId })
    .update({ ...child, updated_at: ex.fn.now() })
  const own: Row = { case_id: caseId }
  for (const [k, c] of Object.entries(CASE_COLUMNS)) own[c] = d[k as keyof Sen2Details]
  await ex('case_sen2_details')
    .insert(own)
    .onConflict('case_id')
    .merge({ ...own, updated_at: ex.fn.now() })
}

function placement(urn: unknown, ukprn: unknown, setting: unknown, since?: unknown): PlacementFacts | null {
  if (!urn && !ukprn && !setting) return null
  return {
    urn: text(urn),
    ukprn: text(ukprn),
    setting: text(setting),
    ...(since === undefined ? {} : { startedOn: day(since) }),
  }
}

/**
 * Every child with an assessment request, a plan decision or a review, and those cases' facts, for the return.
 * Draft cases are left out: they were never sent to a panel (// a council may count them; check).
 */
export async function loadSen2Facts(ex: Executor): Promise<PersonFacts[]> {
  const rows = (await selectCases(ex)
    .whereIn('c.kind', ['assessment_request', 'issue_plan', 'annual_review', 'phase_transfer'])
    .whereNot('c.status', 'draft')
    .select(
      'c.id as case_id',
      'c.child_id',
      'c.reference',
      'c.kind',
      'c.status',
      'c.received_on',
      'c.requested_by',
      'c.ended_on',
      'c.assessment_decision',
      'c.assessment_decided_on',
      'c.plan_decision',
      'c.plan_decision_on',
      'c.final_plan_issued_on',
      'c.review_meeting_on',
      'c.review_notice_on',
      'c.review_decision',
      'c.transfer_year',
      'c.transfer_type',
      'c.transfer_on',
      'ch.first_name',
      'ch.last_name',
      'ch.date_of_birth',
      ...Object.values(CHILD_COLUMNS).map((c) => `ch.${c}`),
      ...Object.values(CASE_COLUMNS).map((c) => `s.${c}`),
      ex.raw(
        `exists (select 1 from case_exceptions e where e.case_id = c.id and e.step = 'issue_final_plan') as week20`,
      ),
    )
    .orderBy([{ column: 'c.child_id' }, { column: 'c.received_on' }, { column: 'c.id' }])) as Row[]
  const people = new Map<
    string,
    PersonFacts & { requests: RequestFacts[]; reviews: ReviewFacts[]; issuePlans: IssuePlanFacts[] }
  >()
  for (const row of rows) {
    const childId = String(row.child_id)
    const d = detailsOf(row)
    let p = people.get(childId)
    if (!p) {
      p = {
        childId,
        caseId: String(row.case_id),
        surname: String(row.last_name),
        forename: String(row.first_name),
        birthDate: day(row.date_of_birth)!,
        sex: d.sex,
        ethnicity: d.ethnicity,
        postcode: d.postcode,
        upn: d.upn,
        uln: d.uln,
        upnUnknownReason: d.upnUnknownReason,
        senTypes: d.senTypes,
        attending: placement(d.attendingUrn, d.attendingUkprn, d.attendingSetting, d.attendingSince),
        requests: [],
        reviews: [],
        issuePlans: [],
      }
      people.set(childId, p)
    }
    // The person's details are fixed on the child's latest case (rows come oldest first).
    p.caseId = String(row.case_id)
    const kind = row.kind as CaseKind
    const status = row.status as CaseStatus
    if (kind === 'assessment_request') {
      p.requests.push({
        caseId: String(row.case_id),
        reference: String(row.reference),
        receivedOn: day(row.received_on)!,
        requestedBy: text<Requester>(row.requested_by),
        requestSource: d.requestSource,
        withdrawnOn: status === 'withdrawn' ? day(row.ended_on) : null,
        assessmentDecision: text<'agree' | 'refuse'>(row.assessment_decision),
        assessmentDecidedOn: day(row.assessment_decided_on),
        planDecision: text<'issue' | 'not_issue'>(row.plan_decision),
        planDecisionOn: day(row.plan_decision_on),
        finalPlanIssuedOn: day(row.final_plan_issued_on),
        week20Exception: row.week20 === true,
        requestMediation: d.requestMediation,
        requestTribunal: d.requestTribunal,
        assessmentMediation: d.assessmentMediation,
        assessmentTribunal: d.assessmentTribunal,
        planStartOn: d.planStartOn,
        planCeasedOn: d.planCeasedOn,
        planCeaseReason: d.planCeaseReason,
        namedPlacement: placement(d.placementUrn, d.placementUkprn, d.placementSetting),
      })
    } else if (kind === 'issue_plan') {
      p.issuePlans.push({
        caseId: String(row.case_id),
        receivedOn: day(row.received_on)!,
        planDecision: text<'issue' | 'not_issue'>(row.plan_decision),
        planDecisionOn: day(row.plan_decision_on),
        finalPlanIssuedOn: day(row.final_plan_issued_on),
        week20Exception: row.week20 === true,
        assessmentMediation: d.assessmentMediation,
        assessmentTribunal: d.assessmentTribunal,
        planStartOn: d.planStartOn,
        planCeasedOn: d.planCeasedOn,
        planCeaseReason: d.planCeaseReason,
        namedPlacement: placement(d.placementUrn, d.placementUkprn, d.placementSetting),
      })
    } else {
      p.reviews.push({
        caseId: String(row.case_id),
        reference: String(row.reference),
        kind: kind as 'annual_review' | 'phase_transfer',
        receivedOn: day(row.received_on)!,
        meetingOn: day(row.review_meeting_on),
        noticeOn: day(row.review_notice_on),
        decision: text<'maintain' | 'amend' | 'cease'>(row.review_decision),
        transferYear: row.transfer_year === null ? null : Number(row.transfer_year),
        transferType: text<'school' | 'post16' | 'post16_move'>(row.transfer_type),
        transferOn: day(row.transfer_on),
        finalPlanIssuedOn: day(row.final_plan_issued_on),
      })
    }
  }
  return [...people.values()]
}
