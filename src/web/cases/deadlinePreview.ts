import { CASE_KINDS, type CaseKind } from '../../domain/vocabulary'
import type { IsoDate } from '../../domain/dates'
import { unconfirmedNote, unconfirmedYears, type BankHolidayCalendar } from '../../domain/bankHolidays'
import { hasStatutoryClock } from '../../domain/statutoryClock'
import { caseDeadlines } from '../../domain/caseDeadlines'
import { parseDateField } from '../dateFields'

/**
 * The intake form's preview of the statutory deadlines, from whatever has been typed so far. Incomplete
 * input gives no preview rather than an error: the form's own validation speaks when it is sent.
 */
export interface DeadlinePreview {
  /** `note`: said beside a date that bank holidays not yet confirmed could move. */
  deadlines: { label: string; due: string; derived: boolean; note: string | null }[]
  /** Placement and alternative provision cases have no statutory time limit of their own. */
  noClock: boolean
}

export function deadlinePreview(
  values: Record<string, unknown>,
  today: IsoDate,
  holidays: BankHolidayCalendar,
): DeadlinePreview | null {
  const kind = CASE_KINDS.find((k) => k === values.kind) as CaseKind | undefined
  const date = (field: string) => {
    const result = parseDateField(values, field, { label: field, required: false })
    return result.ok ? (result.value ?? null) : null
  }
  if (kind && !hasStatutoryClock(kind)) return { deadlines: [], noClock: true }
  const receivedOn = date('received')
  if (!kind || !receivedOn) return null
  const year = Number(values.transferYear)
  const deadlines = caseDeadlines(
    {
      kind,
      receivedOn,
      milestones: {
        reviewMeetingOn: date('reviewMeeting'),
        reviewNoticeOn: date('reviewNotice'),
        transferYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
        transferType:
          values.transferType === 'school' || values.transferType === 'post16' ? values.transferType : null,
      },
      exceptions: [],
    },
    today,
    holidays,
  )
  return deadlines.length
    ? {
        deadlines: deadlines.map((d) => ({
          label: d.label,
          due: d.due,
          derived: d.basis !== 'statutory',
          note: unconfirmedNote(unconfirmedYears(d.bankHolidayYears ?? [], holidays)),
        })),
        noClock: false,
      }
    : null
}
