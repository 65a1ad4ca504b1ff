/*
 * The code lists of the DfE's person-level SEN2 return (issue 18).
 *
 * Version followed: "Special educational needs person level survey 2025: guide" v1.4 (DfE, December
 * 2024; assets.publishing.service.gov.uk/media/675831b5f72b1d96e06bbfdf/…_2025.pdf) and the SEN2 person
 * level technical specification (2023 v1.1, October 2022, for the XML structure and the module tree).
 * Neither document could be read whole through the search tool: what follows is what search returned,
 * and each list says where it came from. Where an item or a code could not be confirmed it is marked
 * `// unconfirmed:` — check it against the current guide before a real submission.
 *
 * Confirmed from search:
 *  - the modules and their items (Header; 1 Person; 2 Requests; 3 Assessments; 4a Named plan; 4b Plan
 *    detail; 5a Active plans; 5b Placement detail; 5c SEN need) and their parent-child tree, as COLLECT
 *    exports them (column names read by MastodonC/witan.sen2, which cites the 2025 guide v1.4), including
 *    the items added in v1.2 (Sex replacing GenderCurrent; ReviewMeeting, ReviewOutcome) and v1.3
 *    (RequestSource; ReviewDraft; PhaseTransferDueDate; PhaseTransferFinalDate);
 *  - CeaseReason 1–9 (guide item 4.6), SENsetting codes (items 4.7c and 5.7c), SENtype codes (item 5.8a);
 *  - the DfE main ethnicity codes WBRI…MOTH (the DfE approved ethnicity codes list).
 */

export interface CodeOption<C extends string> {
  code: C
  label: string
}

function codesOf<C extends string>(list: readonly CodeOption<C>[]): readonly C[] {
  return list.map((o) => o.code)
}

/**
 * Request outcome (module 2, item RequestOutcome). The five letters are those issue 18 gives; their
 * meanings could not be read from what search returned.
 */
export const REQUEST_OUTCOMES = [
  // unconfirmed: meaning of each letter (the letters Y/N/A/W/H are as issue 18 lists them).
  { code: 'Y', label: 'Decision to assess' },
  { code: 'N', label: 'Decision not to assess' },
  { code: 'A', label: 'Decision not yet made' }, // unconfirmed: A = "awaiting decision"
  { code: 'W', label: 'Request withdrawn or ended before a decision' }, // unconfirmed
  { code: 'H', label: 'Historic request, decided before this collection year' }, // unconfirmed
] as const satisfies readonly CodeOption<string>[]
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number]['code']

/** Assessment outcome, "decision to issue EHC plan" (module 3, item AssessmentOutcome). */
export const ASSESSMENT_OUTCOMES = [
  // unconfirmed: the item is confirmed; its codes are taken to follow the request outcome's letters.
  { code: 'Y', label: 'Decision to issue a plan' },
  { code: 'N', label: 'Decision not to issue a plan' },
  { code: 'A', label: 'Decision not yet made' }, // unconfirmed
  { code: 'W', label: 'Assessment withdrawn or ended before a decision' }, // unconfirmed
  { code: 'H', label: 'Historic assessment, decided before this collection year' }, // unconfirmed
] as const satisfies readonly CodeOption<string>[]
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number]['code']

/** Sex (module 1, item Sex from v1.2). */
export const SEXES = [
  { code: 'M', label: 'Male' }, // unconfirmed: code letters
  { code: 'F', label: 'Female' }, // unconfirmed: code letters
  { code: 'U', label: 'Not known' }, // unconfirmed: whether U is allowed
] as const satisfies readonly CodeOption<string>[]
export type Sex = (typeof SEXES)[number]['code']

/** Ethnicity (module 1): the DfE main codes. WBRI…MOTH confirmed; the rest as marked. */
export const ETHNICITIES = [
  { code: 'WBRI', label: 'White – British' },
  { code: 'WIRI', label: 'White – Irish' },
  { code: 'WIRT', label: 'Traveller of Irish heritage' },
  { code: 'WOTH', label: 'Any other White background' },
  { code: 'WROM', label: 'Gypsy or Roma' },
  { code: 'MWBC', label: 'White and Black Caribbean' },
  { code: 'MWBA', label: 'White and Black African' },
  { code: 'MWAS', label: 'White and Asian' },
  { code: 'MOTH', label: 'Any other mixed background' },
  { code: 'AIND', label: 'Indian' }, // unconfirmed
  { code: 'APKN', label: 'Pakistani' }, // unconfirmed
  { code: 'ABAN', label: 'Bangladeshi' }, // unconfirmed
  { code: 'AOTH', label: 'Any other Asian background' }, // unconfirmed
  { code: 'BCRB', label: 'Black Caribbean' }, // unconfirmed
  { code: 'BAFR', label: 'Black African' }, // unconfirmed
  { code: 'BOTH', label: 'Any other Black background' }, // unconfirmed
  { code: 'CHNE', label: 'Chinese' }, // unconfirmed
  { code: 'OOTH', label: 'Any other ethnic group' }, // unconfirmed
  { code: 'REFU', label: 'Refused' }, // unconfirmed
  { code: 'NOBT', label: 'Information not yet obtained' }, // unconfirmed
] as const satisfies readonly CodeOption<string>[]
export type Ethnicity = (typeof ETHNICITIES)[number]['code']

/** Reason neither a UPN nor a ULN is known (module 1, item UPNunknown). */
export const UPN_UNKNOWN_REASONS = [
  // unconfirmed: every code and label below; the item itself is confirmed.
  { code: 'UN1', label: 'Child is under 6 and not yet registered at a school' },
  { code: 'UN2', label: 'Child has never attended a state-funded school in England' },
  { code: 'UN3', label: 'Child is educated at home' },
  { code: 'UN4', label: 'Child is educated privately' },
  { code: 'UN5', label: 'Young person is in a post-16 setting that gives no ULN' },
  { code: 'UN8', label: 'New to the council: UPN or ULN not yet known' },
  { code: 'UN9', label: 'Young person has never had a ULN' },
  { code: 'UN10', label: 'Request ended before the UPN or ULN was known' },
] as const satisfies readonly CodeOption<string>[]
export type UpnUnknownReason = (typeof UPN_UNKNOWN_REASONS)[number]['code']

/** Who made the request (module 2, item RequestSource, from v1.3). */
export const REQUEST_SOURCES = [
  // unconfirmed: every code below; the item is confirmed. Panel's own "requested by" maps onto these.
  { code: 'PARENT', label: 'Parent or carer' },
  { code: 'YP', label: 'The young person' },
  { code: 'SCHOOL', label: 'School, college or other setting' },
  { code: 'HEALTH', label: 'Health' },
  { code: 'SOCIAL', label: 'Social care' },
  { code: 'LA', label: 'The local authority' },
  { code: 'OTHER', label: 'Other' },
] as const satisfies readonly CodeOption<string>[]
export type RequestSource = (typeof REQUEST_SOURCES)[number]['code']

/** Reason the EHC plan ceased (module 4a, item CeaseReason, guide 2025 item 4.6): confirmed. */
export const CEASE_REASONS = [
  { code: '1', label: 'Reached the maximum age' },
  { code: '2', label: 'Needs met without an EHC plan (ongoing education or training)' },
  { code: '3', label: 'Moved on to higher education' },
  { code: '4', label: 'Moved on to paid employment, excluding apprenticeships' },
  { code: '5', label: 'Transferred to another local authority in England' },
  { code: '6', label: 'Young person no longer wishes to engage in education or training' },
  { code: '7', label: 'Moved outside England' },
  { code: '8', label: 'Deceased' },
  { code: '9', label: 'Other' },
] as const satisfies readonly CodeOption<string>[]
export type CeaseReason = (typeof CEASE_REASONS)[number]['code']

/**
 * SEN setting, the establishment type when no URN or UKPRN names it (items 4.7c and 5.7c): confirmed.
 */
export const SEN_SETTINGS = [
  { code: 'OLA', label: 'Other arrangements by the council (s.61, education otherwise than at school)' },
  { code: 'OPA', label: 'Other arrangements by the parents or young person (s.42(5)), not home education' },
  { code: 'EHE', label: 'Elective home education' },
  { code: 'EYP', label: 'Early years provider with no URN' },
  { code: 'OTH', label: 'Other: a type of setting is named, but no specific setting' },
  { code: 'NEET', label: 'Not in education, employment or training (aged 16 to 25)' },
  { code: 'NIEC', label: 'Not in education or training: notice to cease issued' },
  { code: 'NIEO', label: 'Not in education or training: other' },
] as const satisfies readonly CodeOption<string>[]
export type SenSetting = (typeof SEN_SETTINGS)[number]['code']

/** SEN type, the plan's needs ranked (module 5c, item SENtype, guide 2025 item 5.8a): confirmed. */
export const SEN_TYPES = [
  { code: 'SPLD', label: 'Specific learning difficulty' },
  { code: 'MLD', label: 'Moderate learning difficulty' },
  { code: 'SLD', label: 'Severe learning difficulty' },
  { code: 'PMLD', label: 'Profound and multiple learning difficulty' },
  { code: 'SEMH', label: 'Social, emotional and mental health' },
  { code: 'SLCN', label: 'Speech, language and communication needs' },
  { code: 'HI', label: 'Hearing impairment' },
  { code: 'VI', label: 'Vision impairment' },
  { code: 'MSI', label: 'Multi-sensory impairment' },
  { code: 'PD', label: 'Physical disability' },
  { code: 'ASD', label: 'Autistic spectrum disorder' },
  { code: 'DS', label: 'Down syndrome' },
  { code: 'OTH', label: 'Other difficulty' },
] as const satisfies readonly CodeOption<string>[]
export type SenType = (typeof SEN_TYPES)[number]['code']

/** Review outcome (module 5a, item ReviewOutcome, from v1.2). */
export const REVIEW_OUTCOMES = [
  // unconfirmed: every code below; the item is confirmed. Panel's review decision maps onto these.
  { code: 'M', label: 'Maintain the plan' },
  { code: 'A', label: 'Amend the plan' },
  { code: 'C', label: 'Cease the plan' },
] as const satisfies readonly CodeOption<string>[]
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]['code']

export const REQUEST_OUTCOME_CODES = codesOf(REQUEST_OUTCOMES)
export const ASSESSMENT_OUTCOME_CODES = codesOf(ASSESSMENT_OUTCOMES)
export const SEX_CODES = codesOf(SEXES)
export const ETHNICITY_CODES = codesOf(ETHNICITIES)
export const UPN_UNKNOWN_CODES = codesOf(UPN_UNKNOWN_REASONS)
export const REQUEST_SOURCE_CODES = codesOf(REQUEST_SOURCES)
export const CEASE_REASON_CODES = codesOf(CEASE_REASONS)
export const SEN_SETTING_CODES = codesOf(SEN_SETTINGS)
export const SEN_TYPE_CODES = codesOf(SEN_TYPES)
export const REVIEW_OUTCOME_CODES = codesOf(REVIEW_OUTCOMES)

/** At most this many SEN types are ranked for a plan (the module tree gives 1–2 SEN need rows). */
export const MAX_SEN_TYPES = 2

export function isCode<C extends string>(codes: readonly C[], value: unknown): value is C {
  return typeof value === 'string' && (codes as readonly string[]).includes(value)
}

/** A UPN: a check letter, then 12 characters (DfE UPN format; the check letter itself is not verified). */
export const UPN_PATTERN = /^[A-Z][0-9]{11}[0-9A-Z]$/
/** A ULN: 10 digits. */
export const ULN_PATTERN = /^[0-9]{10}$/
/** A URN (GIAS): 6 digits; a UKPRN: 8 digits starting with 1. */
export const URN_PATTERN = /^[0-9]{6}$/
export const UKPRN_PATTERN = /^1[0-9]{7}$/
/** A UK postcode, loosely (the spec's own pattern was not returned by search). */
export const POSTCODE_PATTERN = /^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$/
