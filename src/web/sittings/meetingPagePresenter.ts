import { formatLongDate, type IsoDate } from '../../domain/dates'
import {
  AGENCY_LABELS,
  ATTENDANCE_LABELS,
  CASE_KIND_LABELS,
  OUTCOME_LABELS,
  type Agency,
  type Attendance,
  type CaseKind,
} from '../../domain/vocabulary'

/** The parts of the sitting's record the meeting page shows (services/meetingRecord's MeetingRecord). */
export interface MeetingPageRecord {
  access: { sitting: { id: string; panelName: string; sittingOn: IsoDate }; isChair: boolean }
  state: { open: true } | { open: false; message: string }
  seats: readonly { name: string; agency: Agency; isChair: boolean; attendance: Attendance | null }[]
  guests: readonly { name: string; role: string }[]
  items: readonly {
    caseId: string
    childName: string
    reference: string
    kind: CaseKind
    decision: { outcome: string; matchesPreference: boolean | null } | null
  }[]
  /** Every version of the minutes, newest first. */
  minutes: readonly { version: number; status: 'draft' | 'approved'; approvedByName: string | null }[]
}

const ATTENDANCES: Attendance[] = ['present', 'apologies', 'absent']

function minutesText(latest: MeetingPageRecord['minutes'][number] | undefined): string {
  if (latest?.status === 'approved')
    return `Version ${latest.version} of the minutes was approved${latest.approvedByName ? ` by ${latest.approvedByName}` : ''}.`
  if (latest)
    return `The minutes are being corrected. Version ${latest.version} is a draft until you approve it.`
  return 'The minutes are a draft until the chair approves them.'
}

/**
 * The chair's meeting page: who attended, each item's decision, and where the minutes are. Only the
 * sitting's chair records, while the record is open; the service checks the same.
 */
export function presentMeetingPage(record: MeetingPageRecord) {
  const { sitting, isChair } = record.access
  const sittingHref = `/sittings/${sitting.id}`
  const mayWrite = isChair && record.state.open
  return {
    sittingHref,
    title: `Running the meeting – ${sitting.panelName}, ${formatLongDate(sitting.sittingOn)}`,
    caption: sitting.panelName,
    heading: `Running the meeting: ${formatLongDate(sitting.sittingOn)}`,
    closedMessage: record.state.open ? null : record.state.message,
    mayWrite,
    attendance: ATTENDANCES.map((a) => {
      const seats = record.seats.filter((s) => s.attendance === a)
      return {
        label: ATTENDANCE_LABELS[a],
        names: seats.length
          ? seats.map((s) => `${s.name} (${AGENCY_LABELS[s.agency]}${s.isChair ? ', chair' : ''})`).join('; ')
          : 'None',
      }
    }),
    guests: record.guests.length ? record.guests.map((g) => `${g.name} (${g.role})`).join('; ') : 'None',
    items: record.items.map((item, i) => ({
      number: i + 1,
      childName: item.childName,
      caption: `${item.reference} · ${CASE_KIND_LABELS[item.kind]}`,
      decision: item.decision && {
        deferred: item.decision.outcome === 'defer',
        outcome: OUTCOME_LABELS[item.decision.outcome],
        differs: item.decision.matchesPreference === false,
      },
      actionHref: `${sittingHref}/items/${item.caseId}/decision`,
      action: item.decision ? 'Change' : 'Record',
    })),
    minutes: minutesText(record.minutes[0]),
  }
}
