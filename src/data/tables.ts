/**
 * One row type per table, as the database hands the row back (both drivers: see the type parsers in
 * ./db): `date` columns are 'YYYY-MM-DD' strings, `timestamptz` columns are Dates, bigints are numbers,
 * `jsonb` is parsed (its shape is the reading module's to check), `bytea` is a Uint8Array (pg gives a
 * Buffer, which is one). Text columns with a CHECK list use the vocabulary's union.
 *
 * Written from what migrations/ create; a migration that adds, drops or changes a column changes its
 * table's interface here in the same commit. Registering them in knex's `Tables` types every
 * `trx('table')` query, so rows need no casts: `trx('cases').where({ id }).first('id', 'status')` is a
 * `Pick<CaseRow, 'id' | 'status'> | undefined`. Joins with aliases (`'cases as c'`) are not typed by
 * knex; their result type is declared once, next to the query, from these interfaces (`Pick<>`).
 */
import type {
  AreaOfNeed,
  Agency,
  Attendance,
  CaseKind,
  CaseStatus,
  FamilyRelationship,
  Interpreter,
  LetterFormat,
  PanelType,
  Role,
  SettingType,
} from '../domain/vocabulary'
import type { ClosureReason } from '../domain/caseClosure'
import type { DisagreementGround } from '../domain/decisionRules'
import type { ExceptionReason } from '../domain/clockExceptions'
import type { AppealOrder, AppealRoute } from '../domain/tribunalOrders'
import type { EvidenceSource } from '../domain/caseIntake'
import type { QueueReason, QueueState } from '../domain/scheduler'
import type { ReadKind } from '../domain/dataProtection'
import type { TermName } from '../domain/schoolTerms'
import type { PasswordLinkPurpose } from '../domain/staffAccounts'
import type { IsoDate } from '../domain/dates'
import type { MinutesContent } from '../domain/minutes'
import type { PhaseTransfer } from '../domain/statutoryClock'
import type { SessionData } from 'express-session'
import type { Dissent } from './itemRecords'
import type { JobOutcome } from './jobRuns'
import type { AttemptOutcome, EmailStatus } from './emailOutbox'

/**
 * A `jsonb` column: parsed by the driver, or its text where a driver leaves it unparsed. Columns whose
 * shape depends on the row (a letter's content) are `unknown`, for the reading module to check.
 */
export type Json<T> = T | string

/** The columns of a table on the far side of a left join: null where no row matched. */
export type LeftJoined<T> = { [K in keyof T]: T[K] | null }

/** A `jsonb` value as parsed JSON, whichever way the driver handed it back. */
export function parsedJson<T>(value: Json<T>): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

/** A row of `agenda_exclusions`. */
export interface AgendaExclusionRow {
  case_id: string
  sitting_id: string
  excluded_by: string
  excluded_at: Date
}

/** A row of `agenda_items`. */
export interface AgendaItemRow {
  id: string
  sitting_id: string
  case_id: string
  position: number
  placed_by: 'scheduler' | 'chair'
  placed_at: Date
}

/** A row of `audit_events`. */
export interface AuditEventRow {
  id: number
  occurred_at: Date
  actor_user_id: string | null
  action: string
  entity_type: string
  entity_id: string
  details: Json<Record<string, unknown>>
}

/** A row of `bank_holiday_years`. */
export interface BankHolidayYearRow {
  year: number
  confirmed_at: Date
  confirmed_by: string | null
}

/** A row of `bank_holidays`. */
export interface BankHolidayRow {
  holiday_on: IsoDate
  title: string
  observed: boolean
}

/** A row of `calendar_feed_tokens`. */
export interface CalendarFeedTokenRow {
  user_id: string
  token_hash: string
  created_at: Date
}

/** A row of `case_appeals`. */
export interface CaseAppealRow {
  id: string
  case_id: string
  route: AppealRoute
  decided_on: IsoDate
  about: AppealOrder
  recorded_by: string
  created_at: Date
  updated_at: Date
}

/** A row of `case_evidence`. */
export interface CaseEvidenceRow {
  id: string
  case_id: string
  source: EvidenceSource
  requested_on: IsoDate | null
  received_on: IsoDate | null
  created_at: Date
  updated_at: Date
}

/** A row of `case_exceptions`. */
export interface CaseExceptionRow {
  id: string
  case_id: string
  step: string
  reason_code: ExceptionReason
  starts_on: IsoDate
  ends_on: IsoDate | null
  explanation: string
  family_told_on: IsoDate | null
  recorded_by: string
  created_at: Date
  updated_at: Date
  advice_requested_on: IsoDate | null
}

/** A row of `case_sen2_details`. */
export interface CaseSen2DetailRow {
  case_id: string
  request_source: string | null
  request_mediation: boolean
  request_tribunal: boolean
  assessment_mediation: boolean
  assessment_tribunal: boolean
  plan_start_on: IsoDate | null
  plan_ceased_on: IsoDate | null
  plan_cease_reason: string | null
  placement_urn: string | null
  placement_ukprn: string | null
  placement_setting: string | null
  created_at: Date
  updated_at: Date
}

/** A row of `case_queue`. */
export interface CaseQueueRow {
  case_id: string
  state: QueueState
  reason: QueueReason | null
  sitting_id: string | null
  suggested_panel_id: string | null
  suggested_sitting_on: IsoDate | null
  checked_at: Date
  papers_needed_by: IsoDate | null
}

/** A row of `cases`. */
export interface CaseRow {
  id: string
  reference: string
  child_id: string
  kind: CaseKind
  status: CaseStatus
  received_on: IsoDate
  requested_by: string | null
  preference: string | null
  preferred_setting: string | null
  preferred_setting_is_mainstream: boolean | null
  papers_complete_on: IsoDate | null
  caseworker_id: string
  is_complex: boolean
  version: number
  created_by: string | null
  created_at: Date
  updated_at: Date
  assessment_decided_on: IsoDate | null
  assessment_decision: 'agree' | 'refuse' | null
  draft_plan_sent_on: IsoDate | null
  plan_decision_on: IsoDate | null
  final_plan_issued_on: IsoDate | null
  review_meeting_on: IsoDate | null
  review_notice_on: IsoDate | null
  transfer_year: number | null
  transfer_type: PhaseTransfer | null
  next_deadline_on: IsoDate | null
  next_deadline_step: string | null
  review_decision: 'maintain' | 'amend' | 'cease' | null
  plan_decision: 'issue' | 'not_issue' | null
  transfer_on: IsoDate | null
  no_advice_needed_on: IsoDate | null
  annual_review_due_on: IsoDate | null
  ended_on: IsoDate | null
  ended_reason: ClosureReason | null
  ended_note: string | null
  status_before_end: CaseStatus | null
}

/** A row of `children`. */
export interface ChildRow {
  id: string
  first_name: string
  last_name: string
  date_of_birth: IsoDate
  current_setting: string | null
  year_group: string | null
  areas_of_need: AreaOfNeed[]
  created_at: Date
  updated_at: Date
  sex: string | null
  ethnicity: string | null
  postcode: string | null
  upn: string | null
  uln: string | null
  upn_unknown_reason: string | null
  /** Ranked: the first is the primary need (SEN2 module 5c). */
  sen_types: string[]
  attending_urn: string | null
  attending_ukprn: string | null
  attending_setting: string | null
  attending_since: IsoDate | null
}

/** A row of `decisions`. */
export interface DecisionRow {
  id: string
  agenda_item_id: string
  case_id: string
  outcome: string
  reasons: string
  matches_preference: boolean | null
  disagreement_ground: DisagreementGround | null
  disagreement_explanation: string | null
  conditions: string | null
  without_family_reason: string | null
  deferral_action: string | null
  deferral_owner: string | null
  deferral_due_on: IsoDate | null
  decided_on: IsoDate
  version: number
  recorded_by: string
  created_at: Date
  updated_at: Date
  dissents: Json<Dissent[]>
  inquorate_reason: string | null
  named_setting: string | null
  named_setting_type: SettingType | null
}

/** A row of `declarations`. */
export interface DeclarationRow {
  id: string
  agenda_item_id: string
  panel_member_id: string
  nature: string
  left_discussion: boolean
  recorded_by: string
  created_at: Date
}

/** A row of `email_attempts`. */
export interface EmailAttemptRow {
  id: string
  email_id: string
  attempted_at: Date
  outcome: AttemptOutcome
  error: string | null
}

/** A row of `email_outbox`. */
export interface EmailOutboxRow {
  id: string
  to_address: string
  subject: string
  body: string
  event: string
  case_id: string | null
  status: EmailStatus
  attempts: number
  next_attempt_at: Date
  sent_at: Date | null
  last_error: string | null
  created_at: Date
  updated_at: Date
}

/** A row of `family_contacts`. */
export interface FamilyContactRow {
  id: string
  child_id: string
  user_id: string | null
  full_name: string
  relationship: FamilyRelationship
  address: string | null
  email: string | null
  phone: string | null
  preferred_language: string
  needs_interpreter: boolean
  letter_format: LetterFormat
  is_main_contact: boolean
  created_at: Date
  updated_at: Date
}

/** A row of `family_invitations`. */
export interface FamilyInvitationRow {
  id: string
  family_contact_id: string
  email: string
  token_hash: string
  invited_by: string
  created_at: Date
  expires_at: Date
  accepted_at: Date | null
  accepted_by: string | null
  withdrawn_at: Date | null
}

/** A row of `family_views`. */
export interface FamilyViewRow {
  id: string
  case_id: string
  sitting_id: string | null
  sent_by: string
  body: string
  sent_at: Date
}

/** A row of `item_records`. */
export interface ItemRecordRow {
  agenda_item_id: string
  family_attended: boolean
  family_attendees: string | null
  interpreter: Interpreter | null
  notes: string | null
  created_at: Date
  updated_at: Date
}

/** A row of `jargon_terms`. */
export interface JargonTermRow {
  id: string
  term: string
  plainer: string
  created_at: Date
  updated_at: Date
}

/** A row of `job_runs`. */
export interface JobRunRow {
  id: number
  job_name: string
  started_at: Date
  finished_at: Date | null
  outcome: JobOutcome
  counts: Json<Record<string, number>>
  error_message: string | null
  scheduled_for: Date | null
}

/** A row of `letter_batches`. */
export interface LetterBatchRow {
  id: string
  sitting_id: string
  status: 'building' | 'ready' | 'failed'
  total: number
  done: number
  pdf: Uint8Array | null
  requested_by: string
  created_at: Date
  updated_at: Date
}

/** A row of `letter_settings`. */
export interface LetterSettingsRow {
  id: number
  council_name: string
  council_address: string
  send_team_phone: string
  send_team_email: string
  information_advice_name: string
  information_advice_phone: string
  information_advice_email: string
  information_advice_website: string
  mediation_name: string
  mediation_phone: string
  mediation_email: string
  disagreement_resolution_name: string
  disagreement_resolution_phone: string
  disagreement_resolution_email: string
  tribunal_url: string
  signature_name: string
  signature_job_title: string
  follow_up_working_days: number
  local_offer_words: string
  logo: Uint8Array | null
  logo_type: 'image/png' | 'image/jpeg' | null
  version: number
  updated_by: string | null
  created_at: Date
  updated_at: Date
  complaints_url: string
}

/** A row of `letters`. */
export interface LetterRow {
  id: string
  case_id: string
  decision_id: string | null
  letter_kind: 'decision' | 'apology'
  version: number
  supersedes_id: string | null
  correction_reason: string | null
  status: 'draft' | 'issued'
  format: LetterFormat
  pdf: Uint8Array | null
  sha256: string | null
  issued_on: IsoDate | null
  issued_by: string | null
  sent_by: 'post' | 'email' | 'portal' | null
  created_at: Date
  updated_at: Date
  /** A decision letter's StoredLetter, or an apology's step and date (with the letter once issued). */
  content: unknown
  title: string | null
}

/** A row of `minutes`. */
export interface MinutesRow {
  id: string
  sitting_id: string
  version: number
  status: 'draft' | 'approved'
  content: Json<MinutesContent>
  correction_reason: string | null
  approved_by: string | null
  approved_at: Date | null
  created_at: Date
  updated_at: Date
}

/** A row of `panel_case_kinds`. */
export interface PanelCaseKindRow {
  panel_id: string
  case_kind: CaseKind
}

/** A row of `panel_members`. */
export interface PanelMemberRow {
  id: string
  panel_id: string
  user_id: string | null
  full_name: string
  job_title: string | null
  agency: Agency
  is_chair: boolean
  member_from: IsoDate | null
  member_until: IsoDate | null
  created_at: Date
  updated_at: Date
}

/** A row of `panels`. */
export interface PanelRow {
  id: string
  name: string
  panel_type: PanelType
  weekday: number
  starts_at: string
  duration_minutes: number
  venue: string | null
  online_link: string | null
  capacity: number
  papers_cutoff_working_days: number
  quorum_rule: unknown
  active: boolean
  created_at: Date
  updated_at: Date
}

/** A row of `password_links`. */
export interface PasswordLinkRow {
  id: string
  user_id: string
  purpose: PasswordLinkPurpose
  token_hash: string
  created_by: string | null
  created_at: Date
  expires_at: Date
  used_at: Date | null
  voided_at: Date | null
}

/** A row of `public_page_settings`. */
export interface PublicPageSettingsRow {
  id: number
  accessibility_email: string
  accessibility_phone: string
  format_response_working_days: number
  statement_prepared_on: IsoDate | null
  statement_reviewed_on: IsoDate | null
  dpo_name: string
  dpo_email: string
  dpo_phone: string
  dpo_address: string
  retention_years_after_25: number
  privacy_wording: unknown
  version: number
  updated_by: string | null
  created_at: Date
  updated_at: Date
}

/** A row of `queue_runs`. */
export interface QueueRunRow {
  id: number
  ran_at: Date
  run_by: string | null
  moves: unknown
}

/** A row of `record_reads`. */
export interface RecordReadRow {
  id: number
  read_at: Date
  user_id: string
  case_id: string
  kind: ReadKind
  object_id: string | null
}

/** A row of `retention_removals`. */
export interface RetentionRemovalRow {
  id: number
  run_id: number
  removed_at: Date
  case_kind: string
  case_status: string
  closed_year: number
  child_removed: boolean
  counts: unknown
}

/** A row of `retention_runs`. */
export interface RetentionRunRow {
  id: number
  started_at: Date
  finished_at: Date | null
  run_on: IsoDate
  years_after_25: number
  cases_removed: number
  cases_failed: number
  run_by: string | null
}

/** A row of `school_terms`. */
export interface SchoolTermRow {
  id: number
  academic_year: string
  term: TermName
  starts_on: IsoDate
  ends_on: IsoDate
}

/** A row of `sessions`. */
export interface SessionRow {
  sid: string
  sess: Json<SessionData>
  expires_at: Date
}

/** A row of `sign_in_throttles`. */
export interface SignInThrottleRow {
  key: string
  failures: number
  last_failure_at: Date
}

/** A row of `sitting_attendance`. */
export interface SittingAttendanceRow {
  sitting_id: string
  panel_member_id: string
  full_name: string
  /** Copied from the member's panel_members.agency when the attendance is recorded. */
  agency: Agency
  is_chair: boolean
  attendance: Attendance
  created_at: Date
  updated_at: Date
}

/** A row of `sitting_guests`. */
export interface SittingGuestRow {
  id: string
  sitting_id: string
  name: string
  role: string
  created_at: Date
}

/** A row of `sittings`. */
export interface SittingRow {
  id: string
  panel_id: string
  sitting_on: IsoDate
  starts_at: string
  venue: string | null
  online_link: string | null
  origin: 'weekly' | 'extra'
  is_summer: boolean
  status: 'scheduled' | 'held' | 'cancelled'
  cancelled_reason: string | null
  agenda_locked_at: Date | null
  created_at: Date
  updated_at: Date
  created_by: string | null
  cancelled_by: string | null
  cancelled_at: Date | null
  record_version: number
  papers_ready_notified_at: Date | null
}

/** A row of `users`. */
export interface UserRow {
  id: string
  email: string
  full_name: string
  role: Role
  job_title: string | null
  phone: string | null
  password_hash: string | null
  disabled_at: Date | null
  last_signed_in_at: Date | null
  created_at: Date
  updated_at: Date
  version: number
}

/** Each table's row type, by table name. */
export interface TableRows {
  agenda_exclusions: AgendaExclusionRow
  agenda_items: AgendaItemRow
  audit_events: AuditEventRow
  bank_holiday_years: BankHolidayYearRow
  bank_holidays: BankHolidayRow
  calendar_feed_tokens: CalendarFeedTokenRow
  case_appeals: CaseAppealRow
  case_evidence: CaseEvidenceRow
  case_exceptions: CaseExceptionRow
  case_queue: CaseQueueRow
  case_sen2_details: CaseSen2DetailRow
  cases: CaseRow
  children: ChildRow
  decisions: DecisionRow
  declarations: DeclarationRow
  email_attempts: EmailAttemptRow
  email_outbox: EmailOutboxRow
  family_contacts: FamilyContactRow
  family_invitations: FamilyInvitationRow
  family_views: FamilyViewRow
  item_records: ItemRecordRow
  jargon_terms: JargonTermRow
  job_runs: JobRunRow
  letter_batches: LetterBatchRow
  letter_settings: LetterSettingsRow
  letters: LetterRow
  minutes: MinutesRow
  panel_case_kinds: PanelCaseKindRow
  panel_members: PanelMemberRow
  panels: PanelRow
  password_links: PasswordLinkRow
  public_page_settings: PublicPageSettingsRow
  queue_runs: QueueRunRow
  record_reads: RecordReadRow
  retention_removals: RetentionRemovalRow
  retention_runs: RetentionRunRow
  school_terms: SchoolTermRow
  sessions: SessionRow
  sign_in_throttles: SignInThrottleRow
  sitting_attendance: SittingAttendanceRow
  sitting_guests: SittingGuestRow
  sittings: SittingRow
  users: UserRow
}
