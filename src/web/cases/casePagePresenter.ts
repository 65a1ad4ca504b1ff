import { formatDate, formatDateTime, formatLongDate, type IsoDate } from '../../domain/dates'
import type { FamilyAccountStatus } from '../../domain/familyPortal'
import { canUse } from '../../domain/permissions'
import type { QueueReason, QueueState } from '../../domain/scheduler'
import type { DeadlineBasis, DeadlineState } from '../../domain/statutoryClock'
import {
  AREA_OF_NEED_LABELS,
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  type CaseStatus,
  type Role,
} from '../../domain/vocabulary'
import type { CaseDetail } from '../../services/records'
import type { FormErrors } from '../validation'
import {
  appealText,
  daysLeftText,
  deadlineBasisLabel,
  deadlineStateLabel,
  deadlineStepLabel,
  deadlineTagClass,
  evidenceSourceLabel,
  exceptionReasonLabel,
  letterFormatLabel,
  phaseTransferText,
  queueReasonText,
  queueStateTag,
  relationshipLabel,
  statusTagClass,
} from '../presenters'
import { presentEnding } from './endingForm'

/** A deadline as the cases service hands it to the page: its state worked out for today. */
export interface CasePageDeadline {
  label: string
  basis: DeadlineBasis
  due: IsoDate
  completedOn: IsoDate | null
  hasException: boolean
  bankHolidayNote: string | null
  ruleNote: string | null
  state: { state: DeadlineState; daysLeft: number | null }
}

/** What the case page is built from: the cases service's view, and the facts the router adds. */
export interface CasePageInput {
  detail: CaseDetail
  deadlines: readonly CasePageDeadline[]
  issuedInsideCommentPeriod: { issuedOn: IsoDate; lastDay: IsoDate } | null
  caseworkers: readonly { id: string; fullName: string }[]
  placement: {
    state: QueueState
    reason: QueueReason | null
    sittingOn: IsoDate | null
    panelName: string | null
    suggestedSittingOn: IsoDate | null
    suggestedPanelName: string | null
  } | null
  hasMinutesExtract: boolean
  /** The case's history, in words (presentTimeline). */
  timeline: readonly { what: string; who: string; at: Date }[]
  /** Where each contact stands with their family account (worked out on the router's clock). */
  accountStatus: ReadonlyMap<string, FamilyAccountStatus>
  /** The case's own forms: whether the kind has statutory steps to record, and exceptions to record. */
  hasMilestoneSections: boolean
  hasExceptionSteps: boolean
  /** `?opened=1` and `?changed=…` after a save: which success banner to show. */
  opened: boolean
  changed: unknown
  errors: FormErrors
  user: { id: string; role: Role }
}

/** The success banner after a change, in the words of the change; null when there is none. */
export function caseBannerText(
  detail: Pick<CaseDetail, 'reference' | 'status' | 'papersCompleteOn' | 'caseworker'>,
  placement: CasePageInput['placement'],
  opened: boolean,
  changed: unknown,
): string | null {
  if (opened) return `Case ${detail.reference} opened`
  switch (changed) {
    case 'caseworker':
      return `The named caseworker is now ${detail.caseworker.fullName}`
    case 'steps':
      return 'Statutory steps saved. The deadlines below are up to date.'
    case 'evidence':
      return detail.papersCompleteOn ? 'Evidence saved. The papers are complete.' : 'Evidence saved.'
    case 'exception':
      return 'Exception recorded. Tell the family about it if you have not already.'
    case 'preference':
      return 'What the family is asking for has been saved.'
    case 'contacts':
      return 'Family contacts saved.'
    case 'access-ended':
      return 'Family portal access ended. That account no longer sees this child’s case.'
    case 'invited':
      return 'Invitation sent. The link in the email works once, for 7 days.'
    case 'appeal':
      return 'Tribunal appeal recorded. Its time limits are in the deadlines below.'
    case 'ended':
      return detail.status === 'withdrawn'
        ? 'Request withdrawn. It is off every agenda still to meet.'
        : 'Case closed.'
    case 'reopened':
      return 'Case reopened. It is back where it was when it ended.'
    case 'submitted':
      return `Case ${detail.reference} submitted to panel. ${
        placement?.state === 'placed'
          ? `It is on the agenda of the ${placement.panelName} on ${formatLongDate(placement.sittingOn!)}.`
          : 'No sitting can take it in time yet: it is in the queue.'
      }`
    default:
      return null
  }
}

function accountText(account: FamilyAccountStatus): string {
  switch (account.state) {
    case 'has-account':
      return 'Has an account'
    case 'invited':
      return `Invited on ${formatDateTime(account.sentAt)}. The link works until ${formatDateTime(account.expiresAt)}`
    case 'expired':
      return `The invitation sent on ${formatDateTime(account.sentAt)} has expired`
    default:
      return 'Not invited'
  }
}

function papersText(detail: Pick<CaseDetail, 'noAdviceNeededOn' | 'papersCompleteOn'>): string {
  if (detail.noAdviceNeededOn && detail.papersCompleteOn)
    return `No advice is needed: the papers were complete on ${formatDate(detail.papersCompleteOn)}.`
  if (detail.papersCompleteOn) return `The papers were complete on ${formatDate(detail.papersCompleteOn)}.`
  return 'The papers are not complete: advice is still awaited, or none has been asked for (if none is needed, say so under Update evidence).'
}

function panelSection(placement: NonNullable<CasePageInput['placement']>) {
  const agenda = placement.sittingOn
    ? `the ${placement.panelName} on ${formatLongDate(placement.sittingOn)}`
    : null
  if (placement.state === 'placed') return { placed: true, agenda, tag: null, reason: null, suggestion: null }
  return {
    placed: false,
    agenda,
    tag: queueStateTag(placement.state),
    reason: `${placement.reason ? queueReasonText(placement.reason) : ''}.${
      agenda ? ` For now it is on the agenda of ${agenda}, after the deadline.` : ''
    }`,
    suggestion: placement.suggestedSittingOn
      ? `An extra sitting of the ${placement.suggestedPanelName} on ${formatLongDate(placement.suggestedSittingOn)} would save it.`
      : null,
  }
}

function preferredSettingText(detail: CaseDetail): string {
  const mainstream =
    detail.preferredSettingIsMainstream === true
      ? ' (mainstream)'
      : detail.preferredSettingIsMainstream === false
        ? ' (not mainstream)'
        : ''
  return `${detail.preferredSetting || 'Not recorded'}${mainstream}`
}

/**
 * Everything the case page shows, as strings, flags and lists: the template only loops over them and
 * chooses. What the person may do comes from `canUse` (src/domain/permissions.ts); the routes check the
 * same areas.
 */
export function presentCasePage(input: CasePageInput) {
  const { detail, user, errors } = input
  const { child } = detail
  const mayWork = canUse(user.role, 'caseWork')
  const status: CaseStatus = detail.status
  const ending = presentEnding(detail, user.role)
  const hasTimeLimitsLater = detail.kind === 'annual_review' || detail.kind === 'phase_transfer'
  return {
    id: detail.id,
    version: detail.version,
    title: `${child.firstName} ${child.lastName} – ${detail.reference}`,
    banner: errors.summary.length
      ? null
      : caseBannerText(detail, input.placement, input.opened, input.changed),
    caption: `${detail.reference} · ${CASE_KIND_LABELS[detail.kind]}`,
    heading: `${child.firstName} ${child.lastName}`,
    commentPeriodWarning: input.issuedInsideCommentPeriod && {
      issuedOn: formatDate(input.issuedInsideCommentPeriod.issuedOn),
      lastDay: formatDate(input.issuedInsideCommentPeriod.lastDay),
    },
    noDeadlines: input.deadlines.length
      ? null
      : `This case has no statutory time limit${
          hasTimeLimitsLater ? ' until its review meeting date or year of transfer is recorded' : ''
        }.`,
    deadlines: input.deadlines.map((d) => ({
      label: d.label,
      basis: deadlineBasisLabel(d.basis),
      due: formatDate(d.due),
      bankHolidayNote: d.bankHolidayNote,
      ruleNote: d.ruleNote,
      tag: { text: deadlineStateLabel(d.state.state), classes: deadlineTagClass(d.state.state) },
      daysLeft: d.state.daysLeft === null ? null : daysLeftText(d.state.daysLeft),
      completedOn: d.completedOn && formatDate(d.completedOn),
      hasException: d.hasException,
    })),
    mayRecordSteps: mayWork && input.hasMilestoneSections,
    appeals: detail.appeals.map(appealText),
    panel: input.placement && panelSection(input.placement),
    // A caseworker shares the extract with their own family; a manager may read any.
    showMinutesExtract: input.hasMinutesExtract && (!mayWork || detail.caseworker.id === user.id),
    statusTag: { text: CASE_STATUS_LABELS[status], classes: statusTagClass(status) },
    endingSummary: ending.summary && {
      key: ending.summary.key,
      text: `${formatDate(ending.summary.on)}${ending.summary.reason ? `: ${ending.summary.reason}` : ''}`,
      note: ending.summary.note,
    },
    endLink: ending.endLink,
    mayReopen: ending.mayReopen,
    received: `${formatDate(detail.receivedOn)}${detail.requestedBy ? `, from ${detail.requestedBy}` : ''}`,
    caseworker: detail.caseworker,
    isComplex: detail.isComplex ? 'Yes' : 'No',
    reviewMeetingOn: detail.milestones.reviewMeetingOn && formatDate(detail.milestones.reviewMeetingOn),
    transfer: phaseTransferText(detail.milestones),
    maySubmit: mayWork && status === 'draft',
    caseworkerSelect: mayWork
      ? {
          items: input.caseworkers.map((c) => ({ value: c.id, text: c.fullName })),
          value: detail.caseworker.id,
          errorMessage: errors.byField.caseworkerId ? { text: errors.byField.caseworkerId } : undefined,
        }
      : null,
    exceptions: detail.exceptions.map((e) => ({
      step: deadlineStepLabel(e.step),
      reason: exceptionReasonLabel(e.reasonCode),
      dates: `From ${formatDate(e.startsOn)}${e.endsOn ? ` to ${formatDate(e.endsOn)}` : ''}`,
      explanation: e.explanation,
      familyTold: e.familyToldOn ? formatDate(e.familyToldOn) : 'Not yet',
    })),
    mayRecordException: mayWork && input.hasExceptionSteps,
    mayEdit: mayWork,
    preference: {
      inTheirWords: detail.preference || 'Not recorded',
      setting:
        detail.kind === 'placement' || detail.kind === 'phase_transfer' ? preferredSettingText(detail) : null,
    },
    child: {
      dateOfBirth: formatDate(child.dateOfBirth),
      setting: `${child.currentSetting || 'Not recorded'}${child.yearGroup ? `, ${child.yearGroup}` : ''}`,
      areasOfNeed: child.areasOfNeed.length
        ? child.areasOfNeed.map((a) => AREA_OF_NEED_LABELS[a]).join(', ')
        : 'Not recorded',
    },
    contacts: detail.contacts.map((c) => {
      const account = input.accountStatus.get(c.id)!
      const inviteField = `invite-${c.id}`
      const inviteError = errors.byField[inviteField]
      return {
        id: c.id,
        fullName: c.fullName,
        title: `${c.fullName}${c.isMainContact ? ' (main contact)' : ''}`,
        relationship: relationshipLabel(c.relationship),
        address: c.address || 'Not recorded',
        email: c.email || 'Not recorded',
        phone: c.phone || 'Not recorded',
        language: `${c.preferredLanguage}${c.needsInterpreter ? ' – needs an independent interpreter' : ''}`,
        letters: letterFormatLabel(c.letterFormat),
        account: accountText(account),
        mayEndAccess: mayWork && c.hasPortalAccount,
        invite:
          mayWork && !c.hasPortalAccount
            ? {
                field: inviteField,
                error: inviteError ?? null,
                formClasses: inviteError ? 'govuk-form-group govuk-form-group--error' : '',
                button: account.everInvited ? 'Send a new invitation' : 'Invite to a family account',
              }
            : null,
      }
    }),
    papers: papersText(detail),
    evidence: detail.evidence.map((e) => ({
      source: evidenceSourceLabel(e.source),
      requested: e.requestedOn ? formatDate(e.requestedOn) : '–',
      received: e.receivedOn ? formatDate(e.receivedOn) : 'Not yet',
    })),
    timeline: input.timeline.map((t) => ({ what: t.what, who: t.who, at: formatDateTime(t.at) })),
  }
}

export type CasePage = ReturnType<typeof presentCasePage>
