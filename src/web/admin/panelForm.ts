import { z } from 'zod'
import { typedText } from '../validation'
import type { PanelDetail, PanelSettings } from '../../services/records'
import { DEFAULT_QUORUM_RULE, parseQuorumRule } from '../../domain/quorum'
import { controlCharactersMessage, hasControlCharacters } from '../../domain/textInput'
import {
  AGENCIES,
  CASE_KIND_LABELS,
  CASE_KINDS,
  PANEL_TYPE_LABELS,
  PANEL_TYPES,
} from '../../domain/vocabulary'
import { describeQuorumRule } from '../../domain/quorum'
import { formatTime } from '../../domain/dates'
import { weekdayName } from '../presenters'
import type { SavedValue } from './staleForm'
import { FormErrorCollector } from '../formErrors'
import { checkedValues, optionalText, requiredText, wholeNumber, type ParsedForm } from './forms'

/** Panels meet on working days: ISO weekdays 1 (Monday) to 5 (Friday). */
export const PANEL_WEEKDAYS = ['1', '2', '3', '4', '5'] as const

export const quorumField = (agency: string) => `quorum-${agency}`

const FIELD_ORDER = [
  'name',
  'panelType',
  'caseKinds',
  'weekday',
  'startsAt',
  'durationMinutes',
  'venue',
  'onlineLink',
  'capacity',
  'papersCutoffWorkingDays',
  'quorum',
  ...AGENCIES.map(quorumField),
]

/** "10:00", "9.30", "14:30", "2pm" or "2:30pm" to 'HH:MM'; undefined when it is not a time. */
export function parseTime(text: string): string | undefined {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim())
  if (!match) return undefined
  const [, h, m, suffix] = match
  let hour = Number(h)
  const minute = m === undefined ? 0 : Number(m)
  // "10" alone could be morning or evening: only a clock time or am/pm says which.
  if (m === undefined && !suffix) return undefined
  if (suffix) {
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (suffix.toLowerCase() === 'pm' ? 12 : 0)
  }
  if (hour > 23 || minute > 59) return undefined
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

const onlineLink = optionalText(500, 'The online link').refine((link) => {
  if (link === null) return true
  try {
    const url = new URL(link)
    return url.protocol === 'https:' && url.hostname.length > 0
  } catch {
    return false
  }
}, 'Enter the online link as a full web address starting with https://, like https://meet.example.org/panel')

const panelSchema = z.object({
  name: requiredText(100, 'Enter the panel’s name', 'The panel’s name'),
  panelType: z.enum(PANEL_TYPES, { error: 'Select the type of panel' }),
  caseKinds: checkedValues(CASE_KINDS, 'Select kinds of case from the list').refine(
    (kinds) => kinds.length > 0,
    'Select at least one kind of case that this panel decides',
  ),
  weekday: z.enum(PANEL_WEEKDAYS, { error: 'Select the day the panel meets' }).transform(Number),
  startsAt: typedText('The start time', { missing: 'Enter the time the panel starts' })
    .trim()
    .min(1, 'Enter the time the panel starts')
    .transform((text, ctx) => {
      const time = parseTime(text)
      if (time === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'Enter the start time as a time of day, like 10:00 or 2:30pm',
        })
        return z.NEVER
      }
      return time
    }),
  durationMinutes: wholeNumber({
    label: 'The length of the sitting',
    missing: 'Enter how long a sitting lasts, in minutes',
    min: 15,
    max: 720,
  }),
  venue: optionalText(200, 'The venue'),
  onlineLink,
  capacity: wholeNumber({
    label: 'The number of cases per sitting',
    missing: 'Enter the number of cases a sitting can take',
    min: 1,
    max: 50,
  }),
  papersCutoffWorkingDays: wholeNumber({
    label: 'The papers cut-off',
    missing: 'Enter how many working days before the sitting the papers must be ready',
    min: 0,
    max: 20,
  }),
  active: z
    .literal('yes')
    .optional()
    .transform((v) => v === 'yes'),
})

export function parsePanelForm(body: Record<string, unknown>): ParsedForm<PanelSettings> {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const parsed = panelSchema.safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  for (const agency of AGENCIES) {
    const value = body[quorumField(agency)]
    if (typeof value === 'string' && hasControlCharacters(value, false))
      form.add(quorumField(agency), controlCharactersMessage('The number of members'))
  }
  const quorum = parseQuorumRule(Object.fromEntries(AGENCIES.map((a) => [a, body[quorumField(a)]])))
  for (const problem of quorum.problems)
    form.add(problem.agency ? quorumField(problem.agency) : 'quorum', problem.message)
  if (parsed.success && !parsed.data.venue && !parsed.data.onlineLink) {
    form.add('venue', 'Enter a venue or an online link, or both')
  }
  if (!parsed.success || !form.empty) {
    const errors = form.errors()
    // The quorum's own message belongs to its group of boxes; the summary links to the first box.
    errors.summary = errors.summary.map((item) =>
      item.href === '#quorum' ? { ...item, href: `#${quorumField(AGENCIES[0])}` } : item,
    )
    return { ok: false, errors }
  }
  // In vocabulary order and once each, whatever order the browser sent them in.
  const caseKinds = CASE_KINDS.filter((kind) => parsed.data.caseKinds.includes(kind))
  return { ok: true, value: { ...parsed.data, caseKinds, quorumRule: quorum.rule } }
}

function quorumValues(rule: unknown): Record<string, string> {
  const { rule: readable } = parseQuorumRule(rule)
  return Object.fromEntries(AGENCIES.map((a) => [quorumField(a), String(readable[a] ?? 0)]))
}

/** A new panel's form: the default quorum and a cut-off of 3 working days, as the schema's defaults. */
export function newPanelValues(): Record<string, unknown> {
  return { papersCutoffWorkingDays: '3', active: 'yes', caseKinds: [], ...quorumValues(DEFAULT_QUORUM_RULE) }
}

export function panelFormValues(panel: PanelDetail): Record<string, unknown> {
  return {
    name: panel.name,
    panelType: panel.panelType,
    caseKinds: panel.caseKinds,
    weekday: String(panel.weekday),
    startsAt: panel.startsAt,
    durationMinutes: String(panel.durationMinutes),
    venue: panel.venue ?? '',
    onlineLink: panel.onlineLink ?? '',
    capacity: String(panel.capacity),
    papersCutoffWorkingDays: String(panel.papersCutoffWorkingDays),
    active: panel.active ? 'yes' : undefined,
    ...quorumValues(panel.quorumRule),
  }
}

/** The panel as saved, in the form's words, for a form refused as stale. */
export function panelSavedValues(panel: PanelDetail): SavedValue[] {
  return [
    { label: 'Name', value: panel.name },
    { label: 'Type of panel', value: PANEL_TYPE_LABELS[panel.panelType] },
    { label: 'Kinds of case', value: panel.caseKinds.map((k) => CASE_KIND_LABELS[k]).join(', ') },
    { label: 'Meets on', value: `${weekdayName(panel.weekday)}s at ${formatTime(panel.startsAt)}` },
    { label: 'Length of a sitting', value: `${panel.durationMinutes} minutes` },
    { label: 'Venue', value: panel.venue ?? 'None' },
    { label: 'Online link', value: panel.onlineLink ?? 'None' },
    { label: 'Cases per sitting', value: String(panel.capacity) },
    { label: 'Papers cut-off', value: `${panel.papersCutoffWorkingDays} working days before` },
    { label: 'Quorum', value: describeQuorumRule(parseQuorumRule(panel.quorumRule).rule) },
    { label: 'Active', value: panel.active ? 'Yes' : 'No' },
  ]
}
