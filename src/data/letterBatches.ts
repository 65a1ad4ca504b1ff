import { insertRow, type Executor } from './db'
import type { AgendaItemRow, CaseRow, LetterBatchRow, LetterRow, PanelRow, SittingRow } from './tables'
import type { IsoDate } from '../domain/dates'

export interface SittingWithLetters {
  sittingId: string
  panelName: string
  sittingOn: IsoDate
  letters: number
}

/** Issued decision letters, newest version only, counted by the sitting that made the decision. */
function latestIssued(trx: Executor) {
  return trx('letters as l')
    .join('decisions as d', 'd.id', 'l.decision_id')
    .join('agenda_items as ai', 'ai.id', 'd.agenda_item_id')
    .where({ 'l.status': 'issued', 'l.letter_kind': 'decision' })
    .whereNotExists(
      trx('letters as newer').whereRaw('newer.supersedes_id = l.id').where('newer.status', 'issued'),
    )
}

/** A sitting with its panel's name and how many issued letters it has. */
type SittingLettersRow = Pick<AgendaItemRow, 'sitting_id'> &
  Pick<SittingRow, 'sitting_on'> & { panel_name: PanelRow['name']; letters: number }

/** An issued letter's stored bytes (never null once issued: a CHECK on letters says so). */
type SittingPdfRow = Pick<LetterRow, 'id' | 'version' | 'title' | 'sha256'> &
  Pick<CaseRow, 'reference'> & { pdf: Uint8Array }

export async function listSittingsWithLetters(trx: Executor, since: IsoDate): Promise<SittingWithLetters[]> {
  const rows = await latestIssued(trx)
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('s.sitting_on', '>=', since)
    .groupBy('ai.sitting_id', 'p.name', 's.sitting_on')
    .orderBy('s.sitting_on', 'desc')
    .select<SittingLettersRow[]>(
      'ai.sitting_id',
      'p.name as panel_name',
      's.sitting_on',
      trx.raw('count(*) as letters'),
    )
  return rows.map((r) => ({
    sittingId: r.sitting_id,
    panelName: r.panel_name,
    sittingOn: r.sitting_on,
    letters: Number(r.letters),
  }))
}

/** An issued letter's stored PDF, with the SHA-256 stored when it was issued. */
export interface IssuedPdf {
  letterId: string
  reference: string
  version: number
  title: string | null
  pdf: Buffer
  sha256: string | null
}

/** A sitting's issued letters in agenda order: the PDF bytes stored at issue, never drawn again. */
export async function listSittingIssuedPdfs(trx: Executor, sittingId: string): Promise<IssuedPdf[]> {
  const rows = await latestIssued(trx)
    .join('cases as c', 'c.id', 'l.case_id')
    .where('ai.sitting_id', sittingId)
    .orderBy([{ column: 'ai.position' }, { column: 'l.created_at' }])
    .select<SittingPdfRow[]>('l.id', 'c.reference', 'l.version', 'l.title', 'l.pdf', 'l.sha256')
  return rows.map((r) => ({
    letterId: r.id,
    reference: r.reference,
    version: r.version,
    title: r.title,
    pdf: Buffer.from(r.pdf),
    sha256: r.sha256,
  }))
}

export interface Batch {
  id: string
  sittingId: string
  status: 'building' | 'ready' | 'failed'
  total: number
  done: number
}

export async function createBatch(trx: Executor, sittingId: string, total: number, requestedBy: string) {
  return insertRow(trx, 'letter_batches', { sitting_id: sittingId, total, requested_by: requestedBy })
}

export async function recordBatchProgress(trx: Executor, batchId: string, done: number): Promise<void> {
  await trx<LetterBatchRow>('letter_batches')
    .where({ id: batchId })
    .update({ done, updated_at: trx.fn.now() })
}

export async function finishBatch(trx: Executor, batchId: string, pdf: Buffer | null): Promise<void> {
  await trx<LetterBatchRow>('letter_batches')
    .where({ id: batchId })
    .update({ status: pdf ? 'ready' : 'failed', pdf, updated_at: trx.fn.now() })
}

export async function findBatch(trx: Executor, batchId: string): Promise<Batch | undefined> {
  const row = await trx<LetterBatchRow>('letter_batches')
    .where({ id: batchId })
    .first('id', 'sitting_id', 'status', 'total', 'done')
  return (
    row && { id: row.id, sittingId: row.sitting_id, status: row.status, total: row.total, done: row.done }
  )
}

export async function batchPdf(trx: Executor, batchId: string): Promise<Buffer | undefined> {
  const row = await trx<LetterBatchRow>('letter_batches').where({ id: batchId, status: 'ready' }).first('pdf')
  // A ready batch always has its PDF (a CHECK on letter_batches says so).
  return row?.pdf ? Buffer.from(row.pdf) : undefined
}
