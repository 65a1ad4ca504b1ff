/**
 * The records services hand to the web, by the types their data modules declare: src/web names them
 * from here, never from src/data (the layer rule in eslint.config.mjs).
 */
export type { BankHoliday, SchoolTermRecord, SchoolTermSettings } from '../data/calendar'
export type { CaseDetail } from '../data/caseDetail'
export type { MilestoneChange, Milestones } from '../data/caseMilestones'
export type { EmailStatus, OutboxEmail } from '../data/emailOutbox'
export type { StoredDecision } from '../data/itemRecords'
export type { JargonRecord } from '../data/jargon'
export type { JobOutcome, JobRun } from '../data/jobRuns'
export type { PanelMember, PanelMemberSettings } from '../data/panelMembers'
export type { PanelDetail, PanelSettings } from '../data/panels'
export type { ReadLogFilter } from '../data/recordReads'
export type { SittingDetail } from '../data/sittings'
export type { StaffAccount } from '../data/staffAccounts'
export type { SubjectSearch } from '../data/subjectAccess'
export type { User } from '../data/users'
