/*
 * The SEN2 return as files: one CSV per module (the columns COLLECT's own export gives each module, in
 * the 2025 guide v1.4's item order) and the XML message of the technical specification (section 3.2,
 * "XML schema": a Header, then each Person with its records nested under it).
 * // unconfirmed: the exact letter case of every element name (COLLECT's export lower-cases them; the
 * guide writes <CeaseReason>, <SENsetting>, <SENtype>, and the others are cased to match), the Message
 * root and the Header's CollectionDetails/Source grouping (the DfE's usual COLLECT header), and the
 * values of SourceLevel ("L") and Collection ("SEN2"). Booleans are written 1/0 (// unconfirmed).
 * The DfE schema (XSD) itself was not returned by search, so the XML is not validated against it.
 */
import { XMLBuilder } from 'fast-xml-parser'
import { toCsv } from '../csv'
import type { IsoDate } from '../dates'
import type { PlacementRecord, Sen2Return } from './sen2Return'

export interface Sen2Header {
  /** The council's three-digit LA number. */
  lea: string
  softwareCode: string
  release: string
  serialNo: number
  /** When the file was made, yyyy-mm-ddThh:mm:ss. */
  dateTime: string
}

type Cell = string | number | null

export interface Sen2CsvFile {
  name: string
  header: readonly string[]
  rows: Cell[][]
}

function flag(b: boolean): number {
  return b ? 1 : 0
}

/** Ids that tie the modules' rows together, as COLLECT's export does with its table ids. */
function ids(r: Sen2Return) {
  let request = 0
  return r.persons.map((p, pi) => ({
    p,
    personId: pi + 1,
    requests: p.requests.map((q) => ({ q, requestId: ++request })),
  }))
}

const PLACEMENT_COLUMNS = ['URN', 'UKPRN', 'SENsetting', 'PlacementRank'] as const
function placementCells(d: PlacementRecord): Cell[] {
  return [d.URN, d.UKPRN, d.SENsetting, d.PlacementRank]
}

/** One CSV for each module. Cells go through domain/csv.ts, so no cell can start a formula. */
export function sen2CsvFiles(r: Sen2Return, h: Sen2Header): Sen2CsvFile[] {
  const tree = ids(r)
  const files: Sen2CsvFile[] = [
    {
      name: 'header',
      header: [
        'Collection',
        'Year',
        'ReferenceDate',
        'SourceLevel',
        'LEA',
        'SoftwareCode',
        'Release',
        'SerialNo',
        'DateTime',
      ],
      rows: [['SEN2', r.year, r.censusDate, 'L', h.lea, h.softwareCode, h.release, h.serialNo, h.dateTime]],
    },
    {
      name: 'person',
      header: [
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
      ],
      rows: tree.map(({ p, personId }) => {
        const x = p.person
        return [
          personId,
          x.Surname,
          x.Forename,
          x.PersonBirthDate,
          x.Sex,
          x.Ethnicity,
          x.PostCode,
          x.UPN,
          x.UniqueLearnerNumber,
          x.UPNunknown,
        ]
      }),
    },
    {
      name: 'requests',
      header: [
        'RequestID',
        'PersonID',
        'ReceivedDate',
        'RequestSource',
        'RequestOutcomeDate',
        'RequestOutcome',
        'RequestMediation',
        'RequestTribunal',
        'Exported',
      ],
      rows: tree.flatMap(({ personId, requests }) =>
        requests.map(({ q, requestId }) => [
          requestId,
          personId,
          q.ReceivedDate,
          q.RequestSource,
          q.RequestOutcomeDate,
          q.RequestOutcome,
          flag(q.RequestMediation),
          flag(q.RequestTribunal),
          flag(q.Exported),
        ]),
      ),
    },
    {
      name: 'assessment',
      header: [
        'RequestID',
        'AssessmentOutcome',
        'AssessmentOutcomeDate',
        'AssessmentMediation',
        'AssessmentTribunal',
        'OtherMediation',
        'OtherTribunal',
        'Week20',
      ],
      rows: tree.flatMap(({ requests }) =>
        requests.flatMap(({ q, requestId }) =>
          q.assessment
            ? [
                [
                  requestId,
                  q.assessment.AssessmentOutcome,
                  q.assessment.AssessmentOutcomeDate,
                  flag(q.assessment.AssessmentMediation),
                  flag(q.assessment.AssessmentTribunal),
                  flag(q.assessment.OtherMediation),
                  flag(q.assessment.OtherTribunal),
                  flag(q.assessment.Week20),
                ],
              ]
            : [],
        ),
      ),
    },
    {
      name: 'namedplan',
      header: ['RequestID', 'StartDate', 'CeaseDate', 'CeaseReason'],
      rows: tree.flatMap(({ requests }) =>
        requests.flatMap(({ q, requestId }) => {
          const plan = q.assessment?.namedPlan
          return plan ? [[requestId, plan.StartDate, plan.CeaseDate, plan.CeaseReason]] : []
        }),
      ),
    },
    {
      name: 'plandetail',
      header: ['RequestID', ...PLACEMENT_COLUMNS],
      rows: tree.flatMap(({ requests }) =>
        requests.flatMap(({ q, requestId }) =>
          (q.assessment?.namedPlan?.planDetail ?? []).map((d) => [requestId, ...placementCells(d)]),
        ),
      ),
    },
    {
      name: 'activeplans',
      header: [
        'RequestID',
        'ReviewMeeting',
        'ReviewOutcome',
        'LastReview',
        'ReviewDraft',
        'PhaseTransferDueDate',
        'PhaseTransferFinalDate',
      ],
      rows: tree.flatMap(({ requests }) =>
        requests.flatMap(({ q, requestId }) => {
          const a = q.activePlans
          return a
            ? [
                [
                  requestId,
                  a.ReviewMeeting,
                  a.ReviewOutcome,
                  a.LastReview,
                  a.ReviewDraft,
                  a.PhaseTransferDueDate,
                  a.PhaseTransferFinalDate,
                ],
              ]
            : []
        }),
      ),
    },
    {
      name: 'placementdetail',
      header: ['RequestID', ...PLACEMENT_COLUMNS, 'EntryDate'],
      rows: tree.flatMap(({ requests }) =>
        requests.flatMap(({ q, requestId }) =>
          (q.activePlans?.placementDetail ?? []).map((d) => [
            requestId,
            ...placementCells(d),
            d.EntryDate ?? null,
          ]),
        ),
      ),
    },
    {
      name: 'senneed',
      header: ['RequestID', 'SENtypeRank', 'SENtype'],
      rows: tree.flatMap(({ requests }) =>
        requests.flatMap(({ q, requestId }) =>
          (q.activePlans?.senNeed ?? []).map((n) => [requestId, n.SENtypeRank, n.SENtype]),
        ),
      ),
    },
  ]
  return files
}

export function csvText(f: Sen2CsvFile): string {
  return toCsv(f.header, f.rows)
}

type XmlNode = { [element: string]: XmlValue }
type XmlValue = string | number | XmlNode | XmlNode[]

/** Leaves out empty items: the spec's optional items are absent rather than empty (// unconfirmed). */
function element(entries: [string, XmlValue | IsoDate | null | boolean | undefined][]): XmlNode {
  const node: XmlNode = {}
  for (const [k, v] of entries) {
    if (v === null || v === undefined) continue
    if (Array.isArray(v) && v.length === 0) continue
    node[k] = typeof v === 'boolean' ? flag(v) : v
  }
  return node
}

function placementXml(d: PlacementRecord, withEntry: boolean): XmlNode {
  return element([
    ['URN', d.URN],
    ['UKPRN', d.UKPRN],
    ['SENsetting', d.SENsetting],
    ['PlacementRank', d.PlacementRank],
    ...(withEntry ? ([['EntryDate', d.EntryDate ?? null]] as [string, IsoDate | null][]) : []),
  ])
}

/** The return as the specification's XML message. Text is escaped by the XML library. */
export function sen2Xml(r: Sen2Return, h: Sen2Header): string {
  const persons = r.persons.map(({ person: x, requests }) =>
    element([
      ['Surname', x.Surname],
      ['Forename', x.Forename],
      ['PersonBirthDate', x.PersonBirthDate],
      ['Sex', x.Sex],
      ['Ethnicity', x.Ethnicity],
      ['PostCode', x.PostCode],
      ['UPN', x.UPN],
      ['UniqueLearnerNumber', x.UniqueLearnerNumber],
      ['UPNunknown', x.UPNunknown],
      [
        'Requests',
        requests.map((q) => {
          const a = q.assessment
          const plan = a?.namedPlan
          const ap = q.activePlans
          return element([
            ['ReceivedDate', q.ReceivedDate],
            ['RequestSource', q.RequestSource],
            ['RequestOutcomeDate', q.RequestOutcomeDate],
            ['RequestOutcome', q.RequestOutcome],
            ['RequestMediation', q.RequestMediation],
            ['RequestTribunal', q.RequestTribunal],
            ['Exported', q.Exported],
            [
              'Assessment',
              a
                ? element([
                    ['AssessmentOutcome', a.AssessmentOutcome],
                    ['AssessmentOutcomeDate', a.AssessmentOutcomeDate],
                    ['AssessmentMediation', a.AssessmentMediation],
                    ['AssessmentTribunal', a.AssessmentTribunal],
                    ['OtherMediation', a.OtherMediation],
                    ['OtherTribunal', a.OtherTribunal],
                    ['Week20', a.Week20],
                    [
                      'NamedPlan',
                      plan
                        ? element([
                            ['StartDate', plan.StartDate],
                            ['CeaseDate', plan.CeaseDate],
                            ['CeaseReason', plan.CeaseReason],
                            ['PlanDetail', plan.planDetail.map((d) => placementXml(d, false))],
                          ])
                        : null,
                    ],
                  ])
                : null,
            ],
            [
              'ActivePlans',
              ap
                ? element([
                    ['ReviewMeeting', ap.ReviewMeeting],
                    ['ReviewOutcome', ap.ReviewOutcome],
                    ['LastReview', ap.LastReview],
                    ['ReviewDraft', ap.ReviewDraft],
                    ['PhaseTransferDueDate', ap.PhaseTransferDueDate],
                    ['PhaseTransferFinalDate', ap.PhaseTransferFinalDate],
                    ['PlacementDetail', ap.placementDetail.map((d) => placementXml(d, true))],
                    [
                      'SENneed',
                      ap.senNeed.map((n) =>
                        element([
                          ['SENtypeRank', n.SENtypeRank],
                          ['SENtype', n.SENtype],
                        ]),
                      ),
                    ],
                  ])
                : null,
            ],
          ])
        }),
      ],
    ]),
  )
  const message = {
    Message: {
      Header: {
        CollectionDetails: { Collection: 'SEN2', Year: r.year, ReferenceDate: r.censusDate },
        Source: {
          SourceLevel: 'L',
          LEA: h.lea,
          SoftwareCode: h.softwareCode,
          Release: h.release,
          SerialNo: h.serialNo,
          DateTime: h.dateTime,
        },
      },
      Persons: persons.length > 0 ? { Person: persons } : '',
    },
  }
  const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true })
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(message) as string}`
}
