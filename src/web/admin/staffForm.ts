import { z } from 'zod'
import type { StaffAccount } from '../../services/records'
import { STAFF_ROLES } from '../../domain/staffAccounts'
import type { StaffForm } from '../../services/staffAccounts'
import { FormErrorCollector } from '../formErrors'
import { requiredText, type ParsedForm } from './forms'

const FIELD_ORDER = ['fullName', 'email', 'role']

const staffSchema = z.object({
  fullName: requiredText(200, 'Enter the person’s full name', 'The full name'),
  email: requiredText(254, 'Enter the person’s email address', 'The email address').pipe(
    z.email('Enter an email address in the correct format, like name@example.org'),
  ),
  role: z.enum(STAFF_ROLES, { error: 'Select the person’s role' }),
})

export function parseStaffForm(body: Record<string, unknown>): ParsedForm<StaffForm> {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const parsed = staffSchema.safeParse(body)
  if (!parsed.success) {
    form.addZod(parsed.error)
    return { ok: false, errors: form.errors() }
  }
  return { ok: true, value: parsed.data }
}

export function staffFormValues(account: StaffAccount): Record<string, unknown> {
  return {
    fullName: account.fullName,
    email: account.email,
    role: account.role,
    version: String(account.version),
  }
}

/** The role radios: each with what it lets the person do, so that an admin chooses knowingly. */
export const ROLE_HINTS: Record<(typeof STAFF_ROLES)[number], string> = {
  caseworker: 'Opens and works on cases, invites families and prints letters',
  chair: 'Chairs panel sittings and places cases on them',
  member: 'Sits on panels and reads their papers',
  manager: 'Sees every case and the reports',
  admin: 'Manages accounts, panels, the calendar and letter settings, and can answer subject access requests',
  data_protection: 'Answers subject access requests and sees who looked at each child’s record',
}
