import { createHash } from 'node:crypto'
import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import {
  batchPdf,
  createBatch,
  findBatch,
  finishBatch,
  listSittingIssuedPdfs,
  listSittingsWithLetters,
  recordBatchProgress,
  type IssuedPdf,
} from '../data/letterBatches'
import { findSitting } from '../data/sittings'
import type { User } from '../data/users'
import { addDays, formatLongDate } from '../domain/dates'
import { joinIssuedLetters } from '../letters/letterBatch'
import type { Clock } from './clock'

/** How far back the post room looks for sittings with letters to print. */
const WEEKS_BACK = 12

/** A letter whose stored PDF no longer matches the SHA-256 stored when it was issued. */
export interface AlteredLetter {
  letterId: string
  reference: string
  version: number
}

export type BatchStart =
  | { batchId: string; built: Promise<void> }
  | { batchId: null; built: Promise<void> }
  | { refused: AlteredLetter[] }

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/**
 * The post room: every issued letter of a sitting as one print-ready PDF, built in the background from
 * the PDFs stored at issue, so that what is posted is what was issued, to the byte.
 */
export function postRoomService(data: DataLayer, clock: Clock) {
  const db = data.db

  return {
    sittingsWithLetters() {
      return listSittingsWithLetters(db, addDays(clock.today(), -7 * WEEKS_BACK))
    },

    /**
     * Checks every letter's stored PDF against its stored SHA-256, then starts building the batch and
     * returns at once, so the page can show its progress. A letter that does not match refuses the whole
     * batch, with an audit event: an issued letter must never change, so one that has is not posted.
     * `built` settles when the PDF is stored (or the batch has failed); only tests wait for it.
     */
    async start(user: User, sittingId: string): Promise<BatchStart | undefined> {
      const sitting = await findSitting(db, sittingId)
      if (!sitting) return undefined
      const letters = await listSittingIssuedPdfs(db, sittingId)
      if (letters.length === 0) return { batchId: null, built: Promise.resolve() }
      const altered: AlteredLetter[] = letters
        .filter((l) => l.sha256 === null || sha256(l.pdf) !== l.sha256)
        .map(({ letterId, reference, version }) => ({ letterId, reference, version }))
      if (altered.length > 0) {
        await recordAuditEvent(db, {
          actorUserId: user.id,
          action: 'letter_batch_refused',
          entityType: 'sitting',
          entityId: sittingId,
          details: {
            reason: 'checksum_mismatch',
            letterIds: altered.map((l) => l.letterId).join(','),
            letters: altered.map((l) => `${l.reference} version ${l.version}`).join(', '),
          },
        })
        return { refused: altered }
      }
      const batchId = await db.transaction(async (trx) => {
        const id = await createBatch(trx, sittingId, letters.length, user.id)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'letter_batch_started',
          entityType: 'sitting',
          entityId: sittingId,
          details: { batchId: id, letters: letters.length },
        })
        return id
      })
      const title = `Letters from the ${sitting.panelName}, ${formatLongDate(sitting.sittingOn)}`
      const built = build(batchId, title, letters)
      return { batchId, built }
    },

    batch(batchId: string) {
      return findBatch(db, batchId)
    },

    pdf(batchId: string) {
      return batchPdf(db, batchId)
    },
  }

  async function build(batchId: string, title: string, letters: IssuedPdf[]): Promise<void> {
    try {
      const pdf = await joinIssuedLetters(
        title,
        letters.map((l) => l.pdf),
        (done) => recordBatchProgress(db, batchId, done),
      )
      await finishBatch(db, batchId, pdf)
    } catch {
      // The page says it failed and offers to build it again; the letters themselves are untouched.
      await finishBatch(db, batchId, null).catch(() => undefined)
    }
  }
}
