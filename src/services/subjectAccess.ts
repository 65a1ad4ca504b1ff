import type { Refused, Result } from './result'
import { createHash } from 'node:crypto'
import { ZipFile } from 'yazl'
import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import { loadLetterSettings } from '../data/letterSettings'
import { listMinutes } from '../data/minutes'
import {
  heldRecord,
  issuedLetterFiles,
  searchSubjects,
  sittingsOfChild,
  type HeldRecord,
  type SubjectSearch,
} from '../data/subjectAccess'
import type { User } from '../data/users'
import { childName, safeFileName } from '../domain/dataProtection'
import { formatDate, formatDateTime, type IsoDate } from '../domain/dates'
import type { MinutesContent } from '../domain/minutes'
import {
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  OUTCOME_LABELS,
  type CaseKind,
  type CaseStatus,
} from '../domain/vocabulary'
import { renderMinutesPdf } from '../letters/minutesPdf'
import { renderSubjectAccessPdf, type SummarySection } from '../letters/subjectAccessPdf'
import type { TextEngine } from '../letters/textEngine'
import { presentTimeline } from './caseTimeline'
import type { Clock } from './clock'
import { extractOf } from './minutes'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export interface AlteredLetter {
  letterId: string
  reference: string
  version: number
}

/** `altered`: issued letters whose stored bytes no longer match their checksum; nothing is exported. */
export type ExportResult = Result<
  { zip: Buffer; fileName: string },
  Refused<'altered'> & { altered: AlteredLetter[] }
>

interface ZipEntry {
  path: string
  bytes: Buffer
}

const text = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return 'Not recorded'
  if (value instanceof Date) return formatDateTime(value)
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value as IsoDate)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'None'
  return String(value)
}

/** The ZIP as one buffer: an export is a few letters and a summary, well within memory. */
function zipOf(entries: readonly ZipEntry[], at: Date): Promise<Buffer> {
  const zip = new ZipFile()
  for (const entry of entries) zip.addBuffer(entry.bytes, entry.path, { mtime: at })
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('error', reject)
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/**
 * Subject access (UK GDPR Article 15; issue 17, point 5): finding the child or family member the request
 * is about, and one ZIP of everything held about the child — a readable summary, each letter as issued,
 * the child's minutes extracts, the family's views, e-mails to the family, the timeline and audit rows,
 * and the same data as JSON. Each export is audited.
 */
export function subjectAccessService(data: DataLayer, clock: Clock, textEngine: TextEngine) {
  const db = data.db

  return {
    search(search: SubjectSearch) {
      return searchSubjects(db, search)
    },

    async child(childId: string) {
      const record = await heldRecord(db, childId)
      if (!record) return undefined
      return {
        childId,
        name: childName({
          firstName: String(record.child.first_name),
          lastName: String(record.child.last_name),
        }),
        dateOfBirth: String(record.child.date_of_birth),
        counts: {
          cases: record.cases.length,
          familyMembers: record.familyMembers.length,
          letters: record.letters.filter((l) => l.status === 'issued').length,
          familyViews: record.familyViews.length,
          emails: record.emails.length,
          auditEvents: record.auditEvents.length,
        },
        references: record.cases.map((c) => String(c.reference)),
      }
    },

    async export(user: User, childId: string): Promise<ExportResult | undefined> {
      const record = await heldRecord(db, childId)
      if (!record) return undefined
      const letters = await issuedLetterFiles(db, childId)
      // What was issued is what the family gets, to the byte: a letter that no longer matches its checksum
      // is refused and audited, as the post room does, rather than passed on as if it were the one sent.
      const altered = letters
        .filter((l) => l.sha256 === null || sha256(l.pdf) !== l.sha256)
        .map((l) => ({ letterId: l.id, reference: l.reference, version: l.version }))
      if (altered.length > 0) {
        await recordAuditEvent(db, {
          actorUserId: user.id,
          action: 'subject_access_refused',
          entityType: 'child',
          entityId: childId,
          details: { reason: 'checksum_mismatch', letterIds: altered.map((l) => l.letterId).join(',') },
        })
        return { ok: false, reason: 'altered', altered }
      }

      const now = clock.now()
      const name = childName({
        firstName: String(record.child.first_name),
        lastName: String(record.child.last_name),
      })
      const entries: ZipEntry[] = []
      const letterFiles = letters.map((l) => ({
        ...l,
        path: `letters/${safeFileName(l.reference)}-${l.letterKind}-version-${l.version}.pdf`,
      }))
      for (const l of letterFiles) entries.push({ path: l.path, bytes: l.pdf })

      const extracts = await minutesExtracts(childId)
      for (const e of extracts) entries.push({ path: e.path, bytes: e.pdf })

      const emailFiles = record.emails.map((e, i) => ({
        path: `emails/${String(i + 1).padStart(3, '0')}-${safeFileName(String(e.subject))}.txt`,
        bytes: Buffer.from(
          [
            `To: ${text(e.to_address)}`,
            `Subject: ${text(e.subject)}`,
            `Written: ${text(e.created_at)}`,
            `Sent: ${text(e.sent_at)}`,
            '',
            String(e.body),
          ].join('\n'),
          'utf8',
        ),
      }))
      entries.push(...emailFiles)

      const timelines = await Promise.all(
        record.cases.map(async (c) => ({
          caseId: String(c.id),
          reference: String(c.reference),
          entries: presentTimeline(
            await data.caseDetail.timeline(String(c.id)),
            await data.caseDetail.listCaseworkers(),
          ),
        })),
      )

      const json = {
        generatedAt: now.toISOString(),
        generatedBy: user.fullName,
        about: name,
        ...record,
        letters: record.letters.map((l) => ({
          ...l,
          file: letterFiles.find((f) => f.id === l.id)?.path ?? null,
        })),
        minutesExtracts: extracts.map((e) => ({
          file: e.path,
          sittingId: e.sittingId,
          caseId: e.caseId,
          content: e.content,
        })),
        emails: record.emails.map((e, i) => ({ ...e, file: emailFiles[i]!.path })),
        timelines: timelines.map((t) => ({
          ...t,
          entries: t.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
        })),
      }
      entries.push({ path: 'data.json', bytes: Buffer.from(JSON.stringify(json, null, 2), 'utf8') })

      const { settings } = await loadLetterSettings(db)
      const summary = await renderSubjectAccessPdf(
        {
          title: `Information held about ${name}`,
          councilName: settings.councilName,
          intro: [
            `${settings.councilName} holds this information about ${name} and their family in its SEND panel service. It was gathered on ${formatDateTime(now)} in answer to a subject access request.`,
            'This summary is in words. The letters as they were sent, the minutes extracts and the e-mails are separate files in this download, and data.json holds the same information in a form a computer can read.',
          ],
          sections: summarySections(
            record,
            timelines,
            letterFiles.map((l) => l.path),
            extracts.map((e) => e.path),
          ),
        },
        { engine: textEngine },
      )
      entries.unshift({ path: 'summary.pdf', bytes: summary })

      const zip = await zipOf(entries, now)
      await recordAuditEvent(db, {
        actorUserId: user.id,
        action: 'subject_access_exported',
        entityType: 'child',
        entityId: childId,
        details: {
          cases: record.cases.length,
          letters: letterFiles.length,
          minutesExtracts: extracts.length,
          emails: emailFiles.length,
          files: entries.length,
        },
      })
      return { ok: true, zip, fileName: `subject-access-${safeFileName(name)}-${clock.today()}.zip` }
    },
  }

  /** The child's extract of the latest approved minutes of each sitting the child's cases were on. */
  async function minutesExtracts(childId: string) {
    const found: { path: string; pdf: Buffer; sittingId: string; caseId: string; content: MinutesContent }[] =
      []
    for (const s of await sittingsOfChild(db, childId)) {
      const approved = (await listMinutes(db, s.sittingId)).find((m) => m.status === 'approved')
      const extract = approved && extractOf(approved, s.caseId)
      if (!extract) continue
      const pdf = await renderMinutesPdf(extract.minutes, {
        title: `Minutes extract for ${extract.childName}`,
        extractFor: extract.childName,
        engine: textEngine,
      })
      found.push({
        path: `minutes-extracts/${safeFileName(s.reference)}-${s.sittingOn}.pdf`,
        pdf,
        sittingId: s.sittingId,
        caseId: s.caseId,
        content: extract.minutes.content,
      })
    }
    return found
  }
}

function summarySections(
  record: HeldRecord,
  timelines: { caseId: string; reference: string; entries: { at: Date; what: string; who: string }[] }[],
  letterPaths: string[],
  extractPaths: string[],
): SummarySection[] {
  const c = record.child
  const sections: SummarySection[] = [
    {
      level: 2,
      heading: 'The child',
      pairs: [
        ['Name', `${text(c.first_name)} ${text(c.last_name)}`],
        ['Date of birth', text(c.date_of_birth)],
        ['School or setting', text(c.current_setting)],
        ['Year group', text(c.year_group)],
        ['Areas of need', text(c.areas_of_need)],
      ],
    },
    {
      level: 2,
      heading: 'Family members',
      paragraphs: record.familyMembers.length === 0 ? ['None recorded.'] : [],
    },
    ...record.familyMembers.map((m): SummarySection => ({
      level: 3,
      heading: text(m.full_name),
      pairs: [
        ['Relationship', text(m.relationship)],
        ['Address', text(m.address)],
        ['Email', text(m.email)],
        ['Phone', text(m.phone)],
        ['Preferred language', text(m.preferred_language)],
        ['Needs an interpreter', text(m.needs_interpreter)],
        ['Letter format', text(m.letter_format)],
        ['Main contact', text(m.is_main_contact)],
      ],
    })),
  ]
  for (const k of record.cases) {
    const id = String(k.id)
    sections.push({
      level: 2,
      heading: `Case ${text(k.reference)}`,
      pairs: [
        ['Kind', CASE_KIND_LABELS[k.kind as CaseKind] ?? text(k.kind)],
        ['Status', CASE_STATUS_LABELS[k.status as CaseStatus] ?? text(k.status)],
        ['Received', text(k.received_on)],
        ['Asked for by', text(k.requested_by)],
        ['What the family asked for', text(k.preference)],
        ['Setting the family prefers', text(k.preferred_setting)],
      ],
    })
    const panels = record.agendaItems.filter((a) => a.case_id === id)
    if (panels.length > 0)
      sections.push({
        level: 3,
        heading: 'Panel sittings',
        list: panels.map((a) => `${text(a.panel_name)}, ${text(a.sitting_on)}`),
      })
    for (const d of record.decisions.filter((x) => x.case_id === id))
      sections.push({
        level: 3,
        heading: `Decision of ${text(d.decided_on)}`,
        pairs: [['Outcome', OUTCOME_LABELS[String(d.outcome)] ?? text(d.outcome)]],
        paragraphs: String(d.reasons ?? '')
          .split('\n')
          .filter((line) => line.trim().length > 0),
      })
    const views = record.familyViews.filter((v) => v.case_id === id)
    if (views.length > 0)
      sections.push({
        level: 3,
        heading: 'The family’s views',
        paragraphs: views.flatMap((v) => [`Sent ${text(v.sent_at)}:`, String(v.body)]),
      })
    const timeline = timelines.find((t) => t.caseId === id)?.entries ?? []
    sections.push({
      level: 3,
      heading: 'What happened on the case',
      list: timeline.map((e) => `${formatDateTime(e.at)}: ${e.what} (${e.who})`),
      paragraphs: timeline.length === 0 ? ['Nothing recorded.'] : [],
    })
  }
  sections.push(
    {
      level: 2,
      heading: 'E-mails sent to the family',
      list: record.emails.map((e) => `${text(e.created_at)}: “${text(e.subject)}” to ${text(e.to_address)}`),
      paragraphs: record.emails.length === 0 ? ['None.'] : [],
    },
    {
      level: 2,
      heading: 'Audit records',
      paragraphs: [
        'Each change to the record is logged with who made it and when. Every row is in data.json under auditEvents.',
      ],
      list: record.auditEvents.map(
        (a) =>
          `${text(a.occurred_at)}: ${text(a.action)} by ${a.actor_name ? text(a.actor_name) : 'the system'}`,
      ),
    },
    {
      level: 2,
      heading: 'Who opened the record',
      paragraphs: [
        `Staff and family opened pages of the record ${record.reads.length} times. Each is in data.json under reads.`,
      ],
    },
    {
      level: 2,
      heading: 'Files in this download',
      list: [
        'summary.pdf',
        'data.json',
        ...letterPaths,
        ...extractPaths,
        ...(record.emails.length > 0 ? ['emails/'] : []),
      ],
    },
  )
  return sections
}

export type SubjectAccessService = ReturnType<typeof subjectAccessService>
