import { formatLongDate, formatTime, londonToday } from '../domain/dates'
import {
  itemQuorumLine,
  preferenceLine,
  type MinutesDecision,
  type MinutesItem,
  type MinutesMember,
  type MinutesVersion,
} from '../domain/minutes'
import {
  AGENCY_LABELS,
  CASE_KIND_LABELS,
  INTERPRETER_LABELS,
  OUTCOME_LABELS,
  type Attendance,
} from '../domain/vocabulary'
import { AccessiblePdf } from './accessiblePdf'
import type { TextEngine } from './textEngine'

/**
 * The minutes of a sitting as a tagged PDF, in the order a reader meets them on the minutes page.
 * For a family, pass `childExtract(content, caseId)` as the content and name the child in `extractFor`:
 * this function prints what it is given and removes nothing itself.
 */
export async function renderMinutesPdf(
  minutes: MinutesVersion,
  options: { title: string; extractFor?: string; engine?: TextEngine },
): Promise<Buffer> {
  const { content } = minutes
  const pdf = new AccessiblePdf({ title: options.title, author: content.panelName, engine: options.engine })

  pdf.heading(1, options.title)
  pdf.paragraph(versionLine(minutes))
  if (minutes.correctionReason && options.extractFor) {
    // The reason was written about the whole sitting and may name other children: childExtract cannot
    // see it, as it sits outside the content.
    pdf.paragraph('This version corrects an earlier version of the minutes.')
  } else if (minutes.correctionReason) {
    pdf.keyValue('Why this version was corrected', minutes.correctionReason)
  }
  if (options.extractFor) {
    pdf.paragraph(
      `This extract shows only the part of the minutes about ${options.extractFor}. ` +
        'Other children on the agenda are not named.',
    )
  }
  pdf.keyValue('Panel', content.panelName)
  pdf.keyValue('When', `${formatLongDate(content.sittingOn)} at ${formatTime(content.startsAt)}`)
  pdf.keyValue('Where', content.venue ?? 'Not recorded')

  pdf.heading(2, 'Attendance')
  attendance(pdf, content.members, 'present', 'Members present')
  attendance(pdf, content.members, 'apologies', 'Apologies')
  attendance(pdf, content.members, 'absent', 'Absent')
  if (content.guests.length > 0) {
    pdf.heading(3, 'Guests')
    pdf.list(content.guests.map((g) => `${g.name}, ${g.role}`))
  }
  pdf.paragraph(
    content.quorum.quorate
      ? 'The panel was quorate.'
      : `The panel was not quorate: ${content.quorum.shortfall ?? 'no reason recorded'}.`,
  )
  pdf.keyValue('Quorum rule', content.quorum.rule)

  if (content.items.length === 0) pdf.paragraph('There were no items on the agenda.')
  for (const item of content.items) renderItem(pdf, item)

  return pdf.toBuffer()
}

function versionLine(minutes: MinutesVersion): string {
  if (minutes.status === 'draft') return `Version ${minutes.version}. Draft – not yet approved.`
  const on = minutes.approvedAt ? ` on ${formatLongDate(londonToday(new Date(minutes.approvedAt)))}` : ''
  const by = minutes.approvedByName ? ` by ${minutes.approvedByName}` : ''
  return `Version ${minutes.version}, approved${on}${by}.`
}

function attendance(pdf: AccessiblePdf, members: MinutesMember[], which: Attendance, title: string): void {
  const names = members
    .filter((m) => m.attendance === which)
    .map((m) => `${m.name}, ${AGENCY_LABELS[m.agency]}${m.isChair ? ' (chair)' : ''}`)
  // Who was present always gets a heading, even if nobody was; an empty list of apologies says nothing.
  if (names.length === 0 && which !== 'present') return
  pdf.heading(3, title)
  if (names.length === 0) pdf.paragraph('No members were recorded as present.')
  pdf.list(names)
}

function renderItem(pdf: AccessiblePdf, item: MinutesItem): void {
  pdf.heading(
    2,
    `Item ${item.position}: ${item.childName} (${item.reference}) – ${CASE_KIND_LABELS[item.kind]}`,
  )
  if (item.preference) pdf.keyValue('What the family asked for', item.preference)
  pdf.paragraph(
    item.familyAttended
      ? `The family attended${item.familyAttendees ? `: ${item.familyAttendees}` : ''}.`
      : 'The family did not attend.',
  )
  if (item.interpreter) pdf.paragraph(`${INTERPRETER_LABELS[item.interpreter]}.`)
  if (item.withoutFamilyReason) {
    pdf.keyValue('Why the item was discussed without the family', item.withoutFamilyReason)
  }
  if (item.declarations.length > 0) {
    pdf.heading(3, 'Declarations of interest')
    pdf.list(
      item.declarations.map(
        (d) =>
          `${d.memberName}: ${d.nature}. ` +
          (d.leftDiscussion ? 'They left the discussion.' : 'They stayed for the discussion.'),
      ),
    )
  }
  const quorumLine = itemQuorumLine(item.quorum)
  if (quorumLine) pdf.paragraph(quorumLine)
  pdf.heading(3, 'Decision')
  if (item.decision) renderDecision(pdf, item.decision, item.preference !== null)
  else pdf.paragraph('No decision recorded.')
  if (item.notes) {
    pdf.heading(3, "The chair's notes")
    pdf.paragraph(item.notes)
  }
}

function renderDecision(pdf: AccessiblePdf, d: MinutesDecision, familyAskedForSomething: boolean): void {
  pdf.paragraph(OUTCOME_LABELS[d.outcome] ?? d.outcome)
  pdf.heading(3, 'Reasons')
  if (d.reasons.length > 0) pdf.list(d.reasons)
  else pdf.paragraph('No reasons recorded.')
  const line = preferenceLine(d.matchesPreference, familyAskedForSomething)
  if (line) pdf.paragraph(line)
  if (d.namedSetting) pdf.keyValue('The setting named', d.namedSetting)
  if (d.disagreementGround) pdf.keyValue('The lawful ground', d.disagreementGround)
  if (d.disagreementExplanation) pdf.keyValue('Why', d.disagreementExplanation)
  if (d.conditions) pdf.keyValue('Conditions or provision agreed', d.conditions)
  if (d.dissents.length > 0) {
    pdf.heading(3, 'Dissenting views')
    pdf.list(d.dissents.map((x) => `${x.memberName}: ${x.view}`))
  }
  if (d.deferral) {
    pdf.heading(3, 'Deferred')
    pdf.keyValue('What is needed', d.deferral.action)
    if (d.deferral.owner) pdf.keyValue('Who will do it', d.deferral.owner)
    pdf.keyValue('By when', formatLongDate(d.deferral.dueOn))
  }
  if (d.inquorateReason) pdf.keyValue('Why the panel decided without a quorum', d.inquorateReason)
}
