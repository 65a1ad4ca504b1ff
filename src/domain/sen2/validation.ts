/*
 * The SEN2 validation rules Panel can reproduce (issue 18). The DfE's own rule numbers and wording
 * (technical specification section 4, "Validation checks") were not returned by search, so these are
 * written from the items' definitions in ./codes.ts and ./sen2Return.ts, each naming the case and the
 * field to fix. // unconfirmed: DfE rule numbers; each rule below is Panel's reading of the item.
 */
import type { IsoDate } from '../dates'
import {
  ASSESSMENT_OUTCOME_CODES,
  CEASE_REASON_CODES,
  ETHNICITY_CODES,
  isCode,
  POSTCODE_PATTERN,
  REQUEST_OUTCOME_CODES,
  REQUEST_SOURCE_CODES,
  SEN_SETTING_CODES,
  SEN_TYPE_CODES,
  SEX_CODES,
  UKPRN_PATTERN,
  ULN_PATTERN,
  UPN_PATTERN,
  UPN_UNKNOWN_CODES,
  URN_PATTERN,
} from './codes'
import type { PlacementRecord, Sen2PersonReturn, Sen2Return } from './sen2Return'

export type Sen2Module =
  | 'Person'
  | 'Requests'
  | 'Assessment'
  | 'NamedPlan'
  | 'PlanDetail'
  | 'ActivePlans'
  | 'PlacementDetail'
  | 'SENneed'

export interface Sen2Problem {
  childId: string
  caseId: string
  module: Sen2Module
  /** The return's item, as the XML names it. */
  item: string
  /** The field on Panel's form that fixes it (the id on /cases/:id/sen2 or the case page). */
  field: string
  message: string
}

function placementProblems(
  p: PlacementRecord,
  module: 'PlanDetail' | 'PlacementDetail',
  childId: string,
  census: IsoDate,
): Sen2Problem[] {
  const out: Sen2Problem[] = []
  const at = { childId, caseId: p.caseId, module }
  const f = module === 'PlanDetail' ? 'placement' : 'attending'
  if (!p.URN && !p.UKPRN && !p.SENsetting)
    out.push({
      ...at,
      item: 'URN',
      field: `${f}Urn`,
      message: 'Give the URN or UKPRN of the school or setting, or say what kind of setting it is',
    })
  if (p.URN && !URN_PATTERN.test(p.URN))
    out.push({ ...at, item: 'URN', field: `${f}Urn`, message: 'The URN must be 6 digits' })
  if (p.UKPRN && !UKPRN_PATTERN.test(p.UKPRN))
    out.push({
      ...at,
      item: 'UKPRN',
      field: `${f}Ukprn`,
      message: 'The UKPRN must be 8 digits starting with 1',
    })
  if (p.SENsetting !== null && !isCode(SEN_SETTING_CODES, p.SENsetting))
    out.push({
      ...at,
      item: 'SENsetting',
      field: `${f}Setting`,
      message: 'The kind of setting is not one of the DfE codes',
    })
  if (p.EntryDate && p.EntryDate > census)
    out.push({
      ...at,
      item: 'EntryDate',
      field: 'attendingSince',
      message: 'The placement start date is after the census date',
    })
  return out
}

function after(census: IsoDate, d: IsoDate | null | undefined): boolean {
  return !!d && d > census
}

export function personProblems(p: Sen2PersonReturn, census: IsoDate): Sen2Problem[] {
  const out: Sen2Problem[] = []
  const { person } = p
  const at = { childId: p.childId, caseId: person.caseId, module: 'Person' as const }
  if (!person.UPN && !person.UniqueLearnerNumber && !person.UPNunknown)
    out.push({
      ...at,
      item: 'UPNunknown',
      field: 'upnUnknownReason',
      message: 'Give the UPN or ULN, or the reason neither is known',
    })
  if (person.UPNunknown !== null && !isCode(UPN_UNKNOWN_CODES, person.UPNunknown))
    out.push({
      ...at,
      item: 'UPNunknown',
      field: 'upnUnknownReason',
      message: 'The reason is not one of the DfE codes',
    })
  if (person.UPN && !UPN_PATTERN.test(person.UPN))
    out.push({
      ...at,
      item: 'UPN',
      field: 'upn',
      message: 'The UPN must be a letter followed by 12 letters or digits',
    })
  if (person.UniqueLearnerNumber && !ULN_PATTERN.test(person.UniqueLearnerNumber))
    out.push({ ...at, item: 'UniqueLearnerNumber', field: 'uln', message: 'The ULN must be 10 digits' })
  if (!person.Sex || !isCode(SEX_CODES, person.Sex))
    out.push({ ...at, item: 'Sex', field: 'sex', message: 'Select the child’s sex' })
  if (!person.Ethnicity || !isCode(ETHNICITY_CODES, person.Ethnicity))
    out.push({ ...at, item: 'Ethnicity', field: 'ethnicity', message: 'Select the child’s ethnicity' })
  if (person.PostCode && !POSTCODE_PATTERN.test(person.PostCode))
    out.push({ ...at, item: 'PostCode', field: 'postcode', message: 'The postcode is not a UK postcode' })
  if (after(census, person.PersonBirthDate))
    out.push({
      ...at,
      item: 'PersonBirthDate',
      field: 'dateOfBirth',
      message: 'The date of birth is after the census date',
    })

  for (const r of p.requests) {
    const rq = { childId: p.childId, caseId: r.caseId, module: 'Requests' as const }
    if (!isCode(REQUEST_OUTCOME_CODES, r.RequestOutcome))
      out.push({
        ...rq,
        item: 'RequestOutcome',
        field: 'assessmentDecision',
        message: 'The request outcome is not one of the DfE codes',
      })
    if (r.RequestOutcome !== 'H' && !r.ReceivedDate)
      out.push({
        ...rq,
        item: 'ReceivedDate',
        field: 'receivedOn',
        message: 'The date the request was received is missing',
      })
    if (after(census, r.ReceivedDate))
      out.push({
        ...rq,
        item: 'ReceivedDate',
        field: 'receivedOn',
        message: 'The request was received after the census date',
      })
    if (r.RequestOutcome !== 'H' && !r.RequestSource)
      out.push({ ...rq, item: 'RequestSource', field: 'requestSource', message: 'Say who made the request' })
    if (r.RequestSource !== null && !isCode(REQUEST_SOURCE_CODES, r.RequestSource))
      out.push({
        ...rq,
        item: 'RequestSource',
        field: 'requestSource',
        message: 'Who made the request is not one of the DfE codes',
      })
    if (
      (r.RequestOutcome === 'Y' || r.RequestOutcome === 'N' || r.RequestOutcome === 'W') &&
      !r.RequestOutcomeDate
    )
      out.push({
        ...rq,
        item: 'RequestOutcomeDate',
        field: 'assessmentDecided',
        message: 'The request has an outcome but no outcome date',
      })
    if (r.RequestOutcome === 'A' && r.RequestOutcomeDate)
      out.push({
        ...rq,
        item: 'RequestOutcomeDate',
        field: 'assessmentDecided',
        message: 'A request not yet decided cannot have an outcome date',
      })
    if (after(census, r.RequestOutcomeDate))
      out.push({
        ...rq,
        item: 'RequestOutcomeDate',
        field: 'assessmentDecided',
        message: 'The request outcome date is after the census date',
      })
    if (r.ReceivedDate && r.RequestOutcomeDate && r.RequestOutcomeDate < r.ReceivedDate)
      out.push({
        ...rq,
        item: 'RequestOutcomeDate',
        field: 'assessmentDecided',
        message: 'The request outcome date is before the request was received',
      })

    const a = r.assessment
    if (a) {
      const as = { childId: p.childId, caseId: a.caseId, module: 'Assessment' as const }
      if (!isCode(ASSESSMENT_OUTCOME_CODES, a.AssessmentOutcome))
        out.push({
          ...as,
          item: 'AssessmentOutcome',
          field: 'planDecision',
          message: 'The assessment outcome is not one of the DfE codes',
        })
      if (
        (a.AssessmentOutcome === 'Y' || a.AssessmentOutcome === 'N' || a.AssessmentOutcome === 'W') &&
        !a.AssessmentOutcomeDate
      )
        out.push({
          ...as,
          item: 'AssessmentOutcomeDate',
          field: 'planDecided',
          message: 'The assessment has an outcome but no outcome date',
        })
      if (after(census, a.AssessmentOutcomeDate))
        out.push({
          ...as,
          item: 'AssessmentOutcomeDate',
          field: 'planDecided',
          message: 'The assessment outcome date is after the census date',
        })
      if (a.AssessmentOutcomeDate && r.RequestOutcomeDate && a.AssessmentOutcomeDate < r.RequestOutcomeDate)
        out.push({
          ...as,
          item: 'AssessmentOutcomeDate',
          field: 'planDecided',
          message: 'The assessment outcome date is before the decision to assess',
        })
      const plan = a.namedPlan
      if (plan) {
        const np = { childId: p.childId, caseId: plan.caseId, module: 'NamedPlan' as const }
        if (!plan.StartDate)
          out.push({
            ...np,
            item: 'StartDate',
            field: 'planStartOn',
            message: 'The plan’s start date is missing',
          })
        if (after(census, plan.StartDate))
          out.push({
            ...np,
            item: 'StartDate',
            field: 'planStartOn',
            message: 'The plan starts after the census date',
          })
        if (plan.CeaseDate && !plan.CeaseReason)
          out.push({
            ...np,
            item: 'CeaseReason',
            field: 'planCeaseReason',
            message: 'Give the reason the plan ceased',
          })
        if (plan.CeaseReason !== null && !isCode(CEASE_REASON_CODES, plan.CeaseReason))
          out.push({
            ...np,
            item: 'CeaseReason',
            field: 'planCeaseReason',
            message: 'The reason the plan ceased is not one of the DfE codes',
          })
        if (after(census, plan.CeaseDate))
          out.push({
            ...np,
            item: 'CeaseDate',
            field: 'planCeasedOn',
            message: 'The plan ceased after the census date',
          })
        if (plan.CeaseDate && plan.StartDate && plan.CeaseDate < plan.StartDate)
          out.push({
            ...np,
            item: 'CeaseDate',
            field: 'planCeasedOn',
            message: 'The plan ceased before it started',
          })
        if (plan.planDetail.length === 0)
          out.push({
            ...np,
            module: 'PlanDetail',
            item: 'URN',
            field: 'placementUrn',
            message: 'Name the school or setting in the plan',
          })
        for (const d of plan.planDetail) out.push(...placementProblems(d, 'PlanDetail', p.childId, census))
      }
    }
    const ap = r.activePlans
    if (ap) {
      const at5 = { childId: p.childId, caseId: ap.caseId, module: 'ActivePlans' as const }
      for (const item of ['ReviewMeeting', 'LastReview', 'ReviewDraft', 'PhaseTransferFinalDate'] as const)
        if (after(census, ap[item]))
          out.push({
            ...at5,
            item,
            field: item === 'ReviewMeeting' ? 'reviewMeeting' : 'reviewNotice',
            message: `${item} is after the census date`,
          })
      if (ap.placementDetail.length === 0)
        out.push({
          ...at5,
          module: 'PlacementDetail',
          item: 'URN',
          field: 'attendingUrn',
          message: 'Give the school or setting the child attends',
        })
      for (const d of ap.placementDetail)
        out.push(...placementProblems(d, 'PlacementDetail', p.childId, census))
      if (ap.senNeed.length === 0)
        out.push({
          ...at5,
          module: 'SENneed',
          item: 'SENtype',
          field: 'senType1',
          message: 'Give the child’s main special educational need',
        })
      for (const n of ap.senNeed)
        if (!isCode(SEN_TYPE_CODES, n.SENtype))
          out.push({
            ...at5,
            module: 'SENneed',
            item: 'SENtype',
            field: `senType${n.SENtypeRank}`,
            message: 'The need is not one of the DfE codes',
          })
    }
  }
  return out
}

/** Every problem in the return, person by person. */
export function validateSen2Return(r: Sen2Return): Sen2Problem[] {
  return r.persons.flatMap((p) => personProblems(p, r.censusDate))
}
