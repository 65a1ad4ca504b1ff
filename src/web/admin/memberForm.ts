import { z } from 'zod'
import type { PanelMember, PanelMemberSettings } from '../../services/records'
import { AGENCIES, AGENCY_LABELS } from '../../domain/vocabulary'
import { formatDate } from '../../domain/dates'
import type { SavedValue } from './staleForm'
import { FormErrorCollector } from '../formErrors'
import { dateValues, optionalText, requiredText, type ParsedForm } from './forms'

export const MEMBER_DATE_FIELDS = ['memberFrom', 'memberUntil'] as const

const FIELD_ORDER = ['fullName', 'jobTitle', 'agency', 'isChair', 'userId', ...MEMBER_DATE_FIELDS]

const memberSchema = z.object({
  fullName: requiredText(100, 'Enter the member’s full name', 'The full name'),
  jobTitle: optionalText(200, 'The job title'),
  agency: z.enum(AGENCIES, { error: 'Select the agency the member comes from' }),
  isChair: z.enum(['yes', 'no'], { error: 'Select whether this member chairs the panel' }),
  // Whether the account exists and may sit on panels is the service's check.
  userId: z
    .union([z.literal(''), z.uuid()], { error: 'Select an account from the list, or no account' })
    .optional(),
})

export function parseMemberForm(body: Record<string, unknown>): ParsedForm<PanelMemberSettings> {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const parsed = memberSchema.safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  const memberFrom = form.date('memberFrom', 'Date they joined', { required: false })
  const memberUntil = form.date('memberUntil', 'Date they leave', { required: false })
  if (memberFrom && memberUntil && memberUntil < memberFrom) {
    form.add('memberUntil', 'The date they leave must be the same as or after the date they joined')
  }
  if (!parsed.success || !form.empty) return { ok: false, errors: form.errors() }
  const { fullName, jobTitle, agency, isChair, userId } = parsed.data
  return {
    ok: true,
    value: {
      fullName,
      jobTitle,
      agency,
      isChair: isChair === 'yes',
      userId: userId ? userId : null,
      memberFrom,
      memberUntil,
    },
  }
}

export function memberFormValues(member: PanelMember): Record<string, unknown> {
  return {
    fullName: member.fullName,
    jobTitle: member.jobTitle ?? '',
    agency: member.agency,
    isChair: member.isChair ? 'yes' : 'no',
    userId: member.userId ?? '',
    ...dateValues('memberFrom', member.memberFrom),
    ...dateValues('memberUntil', member.memberUntil),
  }
}

export function newMemberValues(): Record<string, unknown> {
  return { isChair: 'no', userId: '' }
}

/** The membership as saved, for a form refused as stale. */
export function memberSavedValues(member: PanelMember): SavedValue[] {
  return [
    { label: 'Full name', value: member.fullName },
    { label: 'Job title', value: member.jobTitle ?? 'None' },
    { label: 'Agency', value: AGENCY_LABELS[member.agency] },
    { label: 'Chairs the panel', value: member.isChair ? 'Yes' : 'No' },
    { label: 'Account', value: member.accountEmail ?? 'No account' },
    { label: 'Date they joined', value: member.memberFrom ? formatDate(member.memberFrom) : 'Not given' },
    { label: 'Date they leave', value: member.memberUntil ? formatDate(member.memberUntil) : 'Not given' },
  ]
}
