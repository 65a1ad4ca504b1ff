/** The words (docs/design.md, "The words"), as stored in the database and as the labels people read. */

export const ROLES = [
  'caseworker',
  'chair',
  'member',
  'manager',
  'admin',
  'data_protection',
  'family',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  caseworker: 'Caseworker',
  chair: 'Panel chair',
  member: 'Panel member',
  manager: 'Manager',
  admin: 'Administrator',
  data_protection: 'Data protection officer',
  family: 'Family',
}

export const CASE_KINDS = [
  'assessment_request',
  'issue_plan',
  'placement',
  'annual_review',
  'phase_transfer',
  'alternative_provision',
] as const
export type CaseKind = (typeof CASE_KINDS)[number]

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  assessment_request: 'Request for an EHC needs assessment',
  issue_plan: 'Whether to issue an EHC plan',
  placement: 'Placement: naming a school or setting',
  annual_review: 'Annual review',
  phase_transfer: 'Phase transfer review',
  alternative_provision: 'Alternative provision or top-up funding',
}

export const CASE_STATUSES = ['draft', 'submitted', 'scheduled', 'decided', 'closed', 'withdrawn'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for a panel',
  scheduled: 'On a panel agenda',
  decided: 'Decided',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
}

export const PANEL_TYPES = ['send_decision', 'placement', 'alternative_provision'] as const
export type PanelType = (typeof PANEL_TYPES)[number]

export const PANEL_TYPE_LABELS: Record<PanelType, string> = {
  send_decision: 'SEND decision-making panel',
  placement: 'Placement panel',
  alternative_provision: 'Alternative provision panel',
}

export const AGENCIES = ['education', 'health', 'social_care', 'parent_carer_forum', 'other'] as const
export type Agency = (typeof AGENCIES)[number]

export const AGENCY_LABELS: Record<Agency, string> = {
  education: 'Education',
  health: 'Health',
  social_care: 'Social care',
  parent_carer_forum: 'Parent carer forum',
  other: 'Other',
}

// SEND Code of Practice (2015), 6.28: the four broad areas of need.
export const AREAS_OF_NEED = [
  'communication_and_interaction',
  'cognition_and_learning',
  'social_emotional_and_mental_health',
  'sensory_and_physical',
] as const
export type AreaOfNeed = (typeof AREAS_OF_NEED)[number]

export const AREA_OF_NEED_LABELS: Record<AreaOfNeed, string> = {
  communication_and_interaction: 'Communication and interaction',
  cognition_and_learning: 'Cognition and learning',
  social_emotional_and_mental_health: 'Social, emotional and mental health',
  sensory_and_physical: 'Sensory and/or physical needs',
}

export const OUTCOMES_BY_KIND: Record<CaseKind, readonly string[]> = {
  assessment_request: ['agree_to_assess', 'refuse_to_assess', 'defer'],
  issue_plan: ['issue_plan', 'do_not_issue_plan', 'defer'],
  placement: ['name_preference', 'name_different_setting', 'defer'],
  annual_review: ['maintain', 'amend', 'cease', 'defer'],
  phase_transfer: ['maintain', 'amend', 'cease', 'defer'],
  alternative_provision: ['agree', 'refuse', 'agree_different_level'],
}

export const LETTER_FORMATS = ['standard', 'large_print', 'easy_read'] as const
export type LetterFormat = (typeof LETTER_FORMATS)[number]

export const FAMILY_RELATIONSHIPS = ['parent', 'carer', 'young_person', 'other'] as const
export type FamilyRelationship = (typeof FAMILY_RELATIONSHIPS)[number]

/** How each outcome reads in a list of choices and in the minutes. */
export const OUTCOME_LABELS: Record<string, string> = {
  agree_to_assess: 'Agree to carry out an assessment',
  refuse_to_assess: 'Do not carry out an assessment',
  issue_plan: 'Issue an education, health and care plan',
  do_not_issue_plan: 'Do not issue a plan',
  name_preference: 'Name the school the family asked for',
  name_different_setting: 'Name a different school',
  maintain: 'Keep the plan as it is',
  amend: 'Change the plan',
  cease: 'End the plan',
  agree: 'Agree the request',
  refuse: 'Do not agree the request',
  agree_different_level: 'Agree a different level of support',
  defer: 'Defer the decision to a later sitting',
}

export const ATTENDANCE = ['present', 'apologies', 'absent'] as const
export type Attendance = (typeof ATTENDANCE)[number]

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent',
}

/** For a family at the panel: whether an interpreter was there and, if so, independent of the family. */
export const INTERPRETER = ['not_needed', 'independent', 'family_member', 'needed_not_present'] as const
export type Interpreter = (typeof INTERPRETER)[number]

export const INTERPRETER_LABELS: Record<Interpreter, string> = {
  not_needed: 'No interpreter needed',
  independent: 'An independent interpreter was present',
  family_member: 'A family member or friend interpreted',
  needed_not_present: 'An interpreter was needed but not present',
}

/** The kind of setting a decision names: it decides which lawful grounds apply (s.33 for mainstream). */
export const SETTING_TYPES = ['mainstream', 'special', 'independent', 'post16', 'other'] as const
export type SettingType = (typeof SETTING_TYPES)[number]

export const SETTING_TYPE_LABELS: Record<SettingType, string> = {
  mainstream: 'Mainstream school',
  special: 'Special school',
  independent: 'Independent or non-maintained school',
  post16: 'Post-16 college or sixth form',
  other: 'Another kind of setting',
}

/**
 * Outcomes that name a setting in the plan: naming one other than the family's preference, and every
 * phase transfer that keeps or changes the plan, since the plan must name the next phase's setting
 * (SEND Regulations 2014 reg 18(1)).
 */
export function namesSetting(kind: CaseKind, outcome: string): boolean {
  if (kind === 'placement') return outcome === 'name_different_setting'
  if (kind === 'phase_transfer') return outcome === 'maintain' || outcome === 'amend'
  return false
}
