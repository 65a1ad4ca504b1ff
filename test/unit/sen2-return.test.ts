import fc from 'fast-check'
import { XMLParser } from 'fast-xml-parser'
import {
  ASSESSMENT_OUTCOME_CODES,
  CEASE_REASON_CODES,
  ETHNICITY_CODES,
  REQUEST_OUTCOME_CODES,
  REQUEST_SOURCE_CODES,
  REVIEW_OUTCOME_CODES,
  SEN_SETTING_CODES,
  SEN_TYPE_CODES,
  SEX_CODES,
  UPN_UNKNOWN_CODES,
} from '../../src/domain/sen2/codes'
import {
  buildSen2Return,
  type PersonFacts,
  type RequestFacts,
  type ReviewFacts,
  type Sen2Return,
} from '../../src/domain/sen2/sen2Return'
import { validateSen2Return } from '../../src/domain/sen2/validation'
import { fixLink } from '../../src/web/reports/sen2Router'
import { csvText, sen2CsvFiles, sen2Xml, type Sen2Header } from '../../src/domain/sen2/sen2Files'

const CENSUS = '2026-01-15'
const HEADER: Sen2Header = {
  lea: '999',
  softwareCode: 'Panel',
  release: '1',
  serialNo: 1,
  dateTime: '2026-01-20T09:00:00',
}

function request(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    caseId: 'case-1',
    reference: 'R-1',
    receivedOn: '2025-03-01',
    requestedBy: 'parent',
    requestSource: null,
    withdrawnOn: null,
    assessmentDecision: null,
    assessmentDecidedOn: null,
    planDecision: null,
    planDecisionOn: null,
    finalPlanIssuedOn: null,
    week20Exception: false,
    requestMediation: false,
    requestTribunal: false,
    assessmentMediation: false,
    assessmentTribunal: false,
    planStartOn: null,
    planCeasedOn: null,
    planCeaseReason: null,
    namedPlacement: null,
    ...over,
  }
}

function person(over: Partial<PersonFacts> = {}): PersonFacts {
  return {
    childId: 'child-1',
    caseId: 'case-1',
    surname: 'Khan',
    forename: 'Maya',
    birthDate: '2015-05-05',
    sex: 'F',
    ethnicity: 'WBRI',
    postcode: 'NS1 2AB',
    upn: 'A12345678901B',
    uln: null,
    upnUnknownReason: null,
    senTypes: ['ASD', 'SLCN'],
    attending: { urn: '123456', ukprn: null, setting: null, startedOn: '2024-09-01' },
    requests: [request()],
    reviews: [],
    ...over,
  }
}

const issued = request({
  assessmentDecision: 'agree',
  assessmentDecidedOn: '2025-04-10',
  planDecision: 'issue',
  planDecisionOn: '2025-06-20',
  finalPlanIssuedOn: '2025-07-15',
  namedPlacement: { urn: '123456', ukprn: null, setting: null },
})

describe('SEN2 return: requests and assessments', () => {
  it('a request not yet decided is A with no date, and passes validation', () => {
    const r = buildSen2Return([person()], CENSUS)
    expect(r.persons[0]!.requests[0]).toMatchObject({
      RequestOutcome: 'A',
      RequestOutcomeDate: null,
      RequestSource: 'PARENT',
    })
    expect(validateSen2Return(r)).toEqual([])
  })

  it('a withdrawn case gives W dated the day it was withdrawn', () => {
    const r = buildSen2Return([person({ requests: [request({ withdrawnOn: '2025-04-01' })] })], CENSUS)
    expect(r.persons[0]!.requests[0]).toMatchObject({ RequestOutcome: 'W', RequestOutcomeDate: '2025-04-01' })
  })

  it('a refusal is N; an agreement is Y with an assessment, a named plan and its placement', () => {
    const n = buildSen2Return(
      [person({ requests: [request({ assessmentDecision: 'refuse', assessmentDecidedOn: '2025-04-10' })] })],
      CENSUS,
    )
    expect(n.persons[0]!.requests[0]).toMatchObject({ RequestOutcome: 'N', assessment: null })
    const y = buildSen2Return([person({ requests: [issued] })], CENSUS)
    const req = y.persons[0]!.requests[0]!
    expect(req).toMatchObject({ RequestOutcome: 'Y', RequestOutcomeDate: '2025-04-10' })
    expect(req.assessment).toMatchObject({
      AssessmentOutcome: 'Y',
      AssessmentOutcomeDate: '2025-07-15',
      Week20: false,
    })
    expect(req.assessment!.namedPlan).toMatchObject({ StartDate: '2025-07-15', CeaseDate: null })
    expect(req.assessment!.namedPlan!.planDetail).toEqual([
      { caseId: 'case-1', URN: '123456', UKPRN: null, SENsetting: null, PlacementRank: 1 },
    ])
    expect(req.activePlans!.senNeed.map((s) => s.SENtype)).toEqual(['ASD', 'SLCN'])
    expect(validateSen2Return(y)).toEqual([])
  })

  it('a decision not to issue is assessment N dated the day the family was told', () => {
    const r = buildSen2Return(
      [
        person({
          requests: [
            request({
              assessmentDecision: 'agree',
              assessmentDecidedOn: '2025-04-10',
              planDecision: 'not_issue',
              planDecisionOn: '2025-06-20',
            }),
          ],
        }),
      ],
      CENSUS,
    )
    expect(r.persons[0]!.requests[0]!.assessment).toMatchObject({
      AssessmentOutcome: 'N',
      AssessmentOutcomeDate: '2025-06-20',
      namedPlan: null,
    })
  })

  it('an exception to the 20-week limit sets Week20', () => {
    const r = buildSen2Return([person({ requests: [{ ...issued, week20Exception: true }] })], CENSUS)
    expect(r.persons[0]!.requests[0]!.assessment!.Week20).toBe(true)
  })

  it('a case crossing the census date: a decision after it is not yet made', () => {
    const r = buildSen2Return(
      [
        person({
          requests: [
            request({
              receivedOn: '2025-12-20',
              assessmentDecision: 'agree',
              assessmentDecidedOn: '2026-01-30',
            }),
          ],
        }),
      ],
      CENSUS,
    )
    expect(r.persons[0]!.requests[0]).toMatchObject({
      RequestOutcome: 'A',
      RequestOutcomeDate: null,
      assessment: null,
    })
  })

  it('leaves out requests received after the census date, and a person with nothing in scope', () => {
    const r = buildSen2Return([person({ requests: [request({ receivedOn: '2026-02-01' })] })], CENSUS)
    expect(r.persons).toEqual([])
  })

  it('an active plan made before Panel hangs on a historic request H, from its review', () => {
    const review: ReviewFacts = {
      caseId: 'case-r',
      reference: 'R-2',
      kind: 'phase_transfer',
      receivedOn: '2025-09-01',
      meetingOn: '2025-10-20',
      noticeOn: '2025-11-10',
      decision: 'amend',
      transferYear: 2026,
      transferType: 'school',
      transferOn: null,
      finalPlanIssuedOn: null,
    }
    const r = buildSen2Return([person({ requests: [], reviews: [review] })], CENSUS)
    const req = r.persons[0]!.requests[0]!
    expect(req.RequestOutcome).toBe('H')
    expect(req.activePlans).toMatchObject({
      ReviewMeeting: '2025-10-20',
      ReviewOutcome: 'A',
      LastReview: '2025-11-10',
      ReviewDraft: '2025-11-10',
      PhaseTransferDueDate: null, // 15 February 2026 is after the census date
    })
    expect(validateSen2Return(r)).toEqual([])
  })
})

describe('SEN2 return: plan decisions kept on their own case, and plans ceased at review', () => {
  const agreed = request({ assessmentDecision: 'agree', assessmentDecidedOn: '2025-04-10' })
  const issuePlan = {
    caseId: 'case-ip',
    receivedOn: '2025-06-01',
    planDecision: 'issue' as const,
    planDecisionOn: '2025-07-01',
    finalPlanIssuedOn: '2025-08-01',
    week20Exception: true,
    assessmentMediation: false,
    assessmentTribunal: true,
    planStartOn: null,
    planCeasedOn: null,
    planCeaseReason: null,
    namedPlacement: { urn: '111111', ukprn: null, setting: null },
  }

  it('an issue_plan case gives the request its assessment outcome and plan, fixed on that case', () => {
    const r = buildSen2Return([person({ requests: [agreed], issuePlans: [issuePlan] })], CENSUS)
    const a = r.persons[0]!.requests[0]!.assessment!
    expect(a).toMatchObject({
      caseId: 'case-ip',
      AssessmentOutcome: 'Y',
      AssessmentOutcomeDate: '2025-08-01',
      Week20: true,
      AssessmentTribunal: true,
    })
    expect(a.namedPlan).toMatchObject({ caseId: 'case-ip', StartDate: '2025-08-01' })
    expect(a.namedPlan!.planDetail[0]!.URN).toBe('111111')
  })

  it('an issue_plan case with no request agreed before it is not joined to one', () => {
    const refused = request({ assessmentDecision: 'refuse', assessmentDecidedOn: '2025-04-10' })
    const r = buildSen2Return([person({ requests: [refused], issuePlans: [issuePlan] })], CENSUS)
    expect(r.persons[0]!.requests[0]!.assessment).toBeNull()
  })

  it('a plan ceased at its last review by the census date is no longer active', () => {
    const review: ReviewFacts = {
      caseId: 'case-r',
      reference: 'R-3',
      kind: 'annual_review',
      receivedOn: '2025-05-01',
      meetingOn: '2025-06-01',
      noticeOn: '2025-06-20',
      decision: 'cease',
      transferYear: null,
      transferType: null,
      transferOn: null,
      finalPlanIssuedOn: null,
    }
    expect(buildSen2Return([person({ requests: [], reviews: [review] })], CENSUS).persons).toEqual([])
    expect(buildSen2Return([person({ requests: [], reviews: [review] })], '2025-06-10').persons).toHaveLength(
      1,
    )
  })
})

describe('SEN2 validation names the case and the field', () => {
  it('a missing UPN, ULN and reason', () => {
    const r = buildSen2Return([person({ upn: null })], CENSUS)
    expect(validateSen2Return(r)).toContainEqual(
      expect.objectContaining({
        caseId: 'case-1',
        module: 'Person',
        item: 'UPNunknown',
        field: 'upnUnknownReason',
      }),
    )
    expect(
      validateSen2Return(buildSen2Return([person({ upn: null, upnUnknownReason: 'UN1' })], CENSUS)),
    ).toEqual([])
  })

  it('an outcome without a date, a date after the census date, an assessment outcome without its date', () => {
    const r: Sen2Return = buildSen2Return([person({ requests: [issued] })], CENSUS)
    const req = r.persons[0]!.requests[0]!
    req.RequestOutcomeDate = null
    req.assessment!.AssessmentOutcomeDate = null
    req.assessment!.namedPlan!.StartDate = '2026-02-01'
    const problems = validateSen2Return(r)
    expect(problems).toContainEqual(
      expect.objectContaining({ item: 'RequestOutcomeDate', field: 'assessmentDecided' }),
    )
    expect(problems).toContainEqual(
      expect.objectContaining({ item: 'AssessmentOutcomeDate', field: 'planDecided' }),
    )
    expect(problems).toContainEqual(
      expect.objectContaining({ item: 'StartDate', message: 'The plan starts after the census date' }),
    )
  })

  it('a ceased plan without its reason, and a plan with no school or setting named', () => {
    const r = buildSen2Return(
      [person({ requests: [{ ...issued, planCeasedOn: '2025-12-01', namedPlacement: null }] })],
      CENSUS,
    )
    const items = validateSen2Return(r).map((p) => `${p.module}.${p.item}`)
    expect(items).toEqual(expect.arrayContaining(['NamedPlan.CeaseReason', 'PlanDetail.URN']))
  })
})

// ---------- properties ----------

const isoDay = fc
  .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10))
const maybeDay = fc.option(isoDay, { nil: null })

const requestArb: fc.Arbitrary<RequestFacts> = fc.record({
  caseId: fc.uuid(),
  reference: fc.string(),
  receivedOn: isoDay,
  requestedBy: fc.constantFrom('parent', 'young_person', 'school', 'health', 'social_care', 'council', null),
  requestSource: fc.constantFrom(...REQUEST_SOURCE_CODES, null),
  withdrawnOn: maybeDay,
  assessmentDecision: fc.constantFrom('agree', 'refuse', null),
  assessmentDecidedOn: maybeDay,
  planDecision: fc.constantFrom('issue', 'not_issue', null),
  planDecisionOn: maybeDay,
  finalPlanIssuedOn: maybeDay,
  week20Exception: fc.boolean(),
  requestMediation: fc.boolean(),
  requestTribunal: fc.boolean(),
  assessmentMediation: fc.boolean(),
  assessmentTribunal: fc.boolean(),
  planStartOn: maybeDay,
  planCeasedOn: maybeDay,
  planCeaseReason: fc.constantFrom(...CEASE_REASON_CODES, null),
  namedPlacement: fc.option(
    fc.record({
      urn: fc.constantFrom('123456', null),
      ukprn: fc.constantFrom('10012345', null),
      setting: fc.constantFrom(...SEN_SETTING_CODES, null),
    }),
    { nil: null },
  ),
})

const reviewArb: fc.Arbitrary<ReviewFacts> = fc.record({
  caseId: fc.uuid(),
  reference: fc.string(),
  kind: fc.constantFrom('annual_review' as const, 'phase_transfer' as const),
  receivedOn: isoDay,
  meetingOn: maybeDay,
  noticeOn: maybeDay,
  decision: fc.constantFrom('maintain' as const, 'amend' as const, 'cease' as const, null),
  transferYear: fc.option(fc.integer({ min: 2023, max: 2028 }), { nil: null }),
  transferType: fc.constantFrom('school' as const, 'post16' as const, 'post16_move' as const, null),
  transferOn: maybeDay,
  finalPlanIssuedOn: maybeDay,
})

const personArb: fc.Arbitrary<PersonFacts> = fc.record({
  childId: fc.uuid(),
  caseId: fc.uuid(),
  surname: fc.string(),
  forename: fc.string(),
  birthDate: fc.constant('2012-01-01'),
  sex: fc.constantFrom(...SEX_CODES, null),
  ethnicity: fc.constantFrom(...ETHNICITY_CODES, null),
  postcode: fc.constantFrom('NS1 2AB', null),
  upn: fc.constantFrom('A12345678901B', null),
  uln: fc.constantFrom('1234567890', null),
  upnUnknownReason: fc.constantFrom(...UPN_UNKNOWN_CODES, null),
  senTypes: fc.uniqueArray(fc.constantFrom(...SEN_TYPE_CODES), { maxLength: 3 }),
  attending: fc.option(
    fc.record({
      urn: fc.constantFrom('654321', null),
      ukprn: fc.constant(null),
      setting: fc.constantFrom(...SEN_SETTING_CODES, null),
      startedOn: maybeDay,
    }),
    { nil: null },
  ),
  requests: fc.array(requestArb, { maxLength: 3 }),
  reviews: fc.array(reviewArb, { maxLength: 2 }),
  issuePlans: fc.array(
    fc.record({
      caseId: fc.uuid(),
      receivedOn: isoDay,
      planDecision: fc.constantFrom('issue' as const, 'not_issue' as const, null),
      planDecisionOn: maybeDay,
      finalPlanIssuedOn: maybeDay,
      week20Exception: fc.boolean(),
      assessmentMediation: fc.boolean(),
      assessmentTribunal: fc.boolean(),
      planStartOn: maybeDay,
      planCeasedOn: maybeDay,
      planCeaseReason: fc.constantFrom(...CEASE_REASON_CODES, null),
      namedPlacement: fc.constant(null),
    }),
    { maxLength: 2 },
  ),
})

const census = isoDay

function allDates(r: Sen2Return): string[] {
  const out: string[] = []
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k)
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && key !== 'PersonBirthDate') out.push(v)
  }
  walk(r.persons, '')
  return out
}

describe('SEN2 properties', () => {
  it('no record the builder makes is dated after the census date', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 4 }), census, (people, c) => {
        const r = buildSen2Return(people, c)
        expect(allDates(r).filter((d) => d > c)).toEqual([])
        expect(validateSen2Return(r).filter((p) => /after the census date/.test(p.message))).toEqual([])
      }),
    )
  })

  it('every emitted code is in its list', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 4 }), census, (people, c) => {
        for (const p of buildSen2Return(people, c).persons) {
          for (const q of p.requests) {
            expect(REQUEST_OUTCOME_CODES).toContain(q.RequestOutcome)
            if (q.RequestSource) expect(REQUEST_SOURCE_CODES).toContain(q.RequestSource)
            if (q.assessment) expect(ASSESSMENT_OUTCOME_CODES).toContain(q.assessment.AssessmentOutcome)
            const plan = q.assessment?.namedPlan
            if (plan?.CeaseReason) expect(CEASE_REASON_CODES).toContain(plan.CeaseReason)
            for (const d of [...(plan?.planDetail ?? []), ...(q.activePlans?.placementDetail ?? [])])
              if (d.SENsetting) expect(SEN_SETTING_CODES).toContain(d.SENsetting)
            if (q.activePlans?.ReviewOutcome)
              expect(REVIEW_OUTCOME_CODES).toContain(q.activePlans.ReviewOutcome)
            for (const n of q.activePlans?.senNeed ?? []) expect(SEN_TYPE_CODES).toContain(n.SENtype)
          }
        }
      }),
    )
  })

  it('a withdrawn case with no decision by the census date gives W', () => {
    fc.assert(
      fc.property(requestArb, census, (req, c) => {
        fc.pre(
          req.receivedOn <= c &&
            req.withdrawnOn !== null &&
            req.withdrawnOn <= c &&
            req.withdrawnOn >= `${Number(c.slice(0, 4)) - 1}-01-01`,
        )
        const r = buildSen2Return([person({ requests: [{ ...req, assessmentDecidedOn: null }] })], c)
        expect(r.persons[0]!.requests.find((q) => q.caseId === req.caseId)!.RequestOutcome).toBe('W')
      }),
    )
  })

  it('any record dated after the census date fails validation', () => {
    fc.assert(
      fc.property(census, fc.integer({ min: 1, max: 400 }), (c, days) => {
        const later = new Date(Date.parse(c) + days * 86_400_000).toISOString().slice(0, 10)
        const r = buildSen2Return([person({ requests: [issued] })], '2026-01-15')
        const copy: Sen2Return = { ...r, censusDate: c }
        fc.pre(copy.persons.length > 0)
        copy.persons[0]!.requests[0]!.RequestOutcomeDate = later
        expect(
          validateSen2Return(copy).some((p) => p.item === 'RequestOutcomeDate' && p.caseId === 'case-1'),
        ).toBe(true)
      }),
    )
  })
})

describe('SEN2 files', () => {
  const r = buildSen2Return([person({ surname: '=HYPERLINK("x") <&>', requests: [issued] })], CENSUS)

  it('gives one CSV per module with the specification’s items as columns, formula-safe', () => {
    const files = sen2CsvFiles(r, HEADER)
    expect(files.map((f) => f.name)).toEqual([
      'header',
      'person',
      'requests',
      'assessment',
      'namedplan',
      'plandetail',
      'activeplans',
      'placementdetail',
      'senneed',
    ])
    const person = files.find((f) => f.name === 'person')!
    expect(person.header).toEqual([
      'PersonID',
      'Surname',
      'Forename',
      'PersonBirthDate',
      'Sex',
      'Ethnicity',
      'PostCode',
      'UPN',
      'UniqueLearnerNumber',
      'UPNunknown',
    ])
    expect(csvText(person)).toContain(
      `1,"'=HYPERLINK(""x"") <&>",Maya,2015-05-05,F,WBRI,NS1 2AB,A12345678901B,,`,
    )
    expect(csvText(files.find((f) => f.name === 'requests')!)).toContain(
      '1,1,2025-03-01,PARENT,2025-04-10,Y,0,0,0',
    )
  })

  it('builds XML that parses back to the same records', () => {
    const xml = sen2Xml(r, HEADER)
    const parsed = new XMLParser({
      parseTagValue: false,
      isArray: (name) => ['Person', 'Requests', 'PlanDetail', 'PlacementDetail', 'SENneed'].includes(name),
    }).parse(xml)
    const header = parsed.Message.Header
    expect(header.CollectionDetails).toEqual({ Collection: 'SEN2', Year: '2026', ReferenceDate: CENSUS })
    expect(header.Source.LEA).toBe('999')
    const p = parsed.Message.Persons.Person[0]
    expect(p.Surname).toBe('=HYPERLINK("x") <&>')
    expect(p.UPN).toBe('A12345678901B')
    const req = p.Requests[0]
    expect(req).toMatchObject({
      ReceivedDate: '2025-03-01',
      RequestOutcome: 'Y',
      RequestOutcomeDate: '2025-04-10',
      RequestSource: 'PARENT',
    })
    expect(req.Assessment).toMatchObject({
      AssessmentOutcome: 'Y',
      AssessmentOutcomeDate: '2025-07-15',
      Week20: '0',
    })
    expect(req.Assessment.NamedPlan.PlanDetail[0]).toEqual({ URN: '123456', PlacementRank: '1' })
    expect(req.ActivePlans.SENneed.map((n: { SENtype: string }) => n.SENtype)).toEqual(['ASD', 'SLCN'])
    expect(xml).toContain('&lt;&amp;&gt;')
  })
})

describe('where a problem is fixed', () => {
  it('links SEN2 items to the SEN2 form, decision dates to the steps, and other items to the case', () => {
    expect(fixLink('c1', 'upnUnknownReason')).toBe('/cases/c1/sen2#upnUnknownReason')
    expect(fixLink('c1', 'planStartOn')).toBe('/cases/c1/sen2#planStartOn-day')
    expect(fixLink('c1', 'assessmentDecided')).toBe('/cases/c1/steps#assessmentDecided-day')
    expect(fixLink('c1', 'receivedOn')).toBe('/cases/c1')
  })
})
