import type { IsoDate } from './dates'
import type { AreaOfNeed, CaseKind, FamilyRelationship, LetterFormat } from './vocabulary'

export const EVIDENCE_SOURCES = ['educational_psychology', 'health', 'social_care', 'school'] as const
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number]

export const EVIDENCE_SOURCE_LABELS: Record<EvidenceSource, string> = {
  educational_psychology: 'Educational psychology',
  health: 'Health',
  social_care: 'Social care',
  school: 'School or setting',
}

export const REQUESTERS = ['parent', 'young_person', 'school', 'health', 'social_care', 'council'] as const
export type Requester = (typeof REQUESTERS)[number]

export const REQUESTER_LABELS: Record<Requester, string> = {
  parent: 'Parent or carer',
  young_person: 'The young person',
  school: 'School, college or setting',
  health: 'Health professional',
  social_care: 'Social care',
  council: 'The council',
}

export const YEAR_GROUPS = [
  'Early years',
  'Reception',
  ...Array.from({ length: 11 }, (_, i) => `Year ${i + 1}`),
  'Year 12',
  'Year 13',
  'Post-16 (college or training)',
  'Not in education',
] as const

export interface NewFamilyContact {
  fullName: string
  relationship: FamilyRelationship
  address: string | null
  email: string | null
  phone: string | null
  preferredLanguage: string
  needsInterpreter: boolean
  letterFormat: LetterFormat
}

export interface NewEvidence {
  source: EvidenceSource
  requestedOn: IsoDate | null
  receivedOn: IsoDate | null
}

/** Everything a caseworker records when opening a case. */
export interface NewCase {
  child: {
    firstName: string
    lastName: string
    dateOfBirth: IsoDate
    currentSetting: string | null
    yearGroup: string | null
    areasOfNeed: AreaOfNeed[]
  }
  contacts: NewFamilyContact[]
  kind: CaseKind
  receivedOn: IsoDate
  requestedBy: string
  isComplex: boolean
  preference: string | null
  preferredSetting: string | null
  preferredSettingIsMainstream: boolean | null
  reviewMeetingOn: IsoDate | null
  reviewNoticeOn: IsoDate | null
  transferYear: number | null
  transferType: 'school' | 'post16' | null
  evidence: NewEvidence[]
  caseworkerId: string
}

/** The child is 0–25 (Children and Families Act 2014, s.83): the age on the day the request was received. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
