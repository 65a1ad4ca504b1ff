import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import {
  batchPdf,
  createBatch,
  findBatch,
  finishBatch,
  listSittingLetters,
  listSittingsWithLetters,
  recordBatchProgress,
} from '../data/letterBatches'
import { loadLogo } from '../data/letterSettings'
import { findSitting } from '../data/sittings'
import type { User } from '../data/users'
import { addDays, formatLongDate } from '../domain/dates'
import { renderLetterBatch } from '../letters/decisionLetterPdf'
import type { Clock } from './clock'

/** How far back the post room looks for sittings with letters to print. */
const WEEKS_BACK = 12

/** The post room: every issued letter of a sitting as one print-ready PDF, built in the background. */
export function postRoomService(data: DataLayer, clock: Clock) {
  const db = data.db

  return {
    sittingsWithLetters() {
      return listSittingsWithLetters(db, addDays(clock.today(), -7 * WEEKS_BACK))
    },

    /**
     * Starts building the batch and returns at once, so the page can show its progress. `built` settles
     * when the PDF is stored (or the batch has failed); only tests wait for it.
     */
    async start(user: User, sittingId: string) {
      const sitting = await findSitting(db, sittingId)
      if (!sitting) return undefined
      const letters = await listSittingLetters(db, sittingId)
      if (letters.length === 0) return { batchId: null, built: Promise.resolve() }
      const batchId = await createBatch(db, sittingId, letters.length, user.id)
      await recordAuditEvent(db, {
        actorUserId: user.id,
        action: 'letter_batch_started',
        entityType: 'sitting',
        entityId: sittingId,
        details: { batchId, letters: letters.length },
      })
      const title = `Letters from the ${sitting.panelName}, ${formatLongDate(sitting.sittingOn)}`
      const built = (async () => {
        try {
          const logo = await loadLogo(db)
          const pdf = await renderLetterBatch(
            title,
            letters[0]!.letter.councilName,
            letters,
            logo?.image ?? null,
            (done) => recordBatchProgress(db, batchId, done),
          )
          await finishBatch(db, batchId, pdf)
        } catch {
          // The page says it failed and offers to build it again; the letters themselves are untouched.
          await finishBatch(db, batchId, null).catch(() => undefined)
        }
      })()
      return { batchId, built }
    },

    batch(batchId: string) {
      return findBatch(db, batchId)
    },

    pdf(batchId: string) {
      return batchPdf(db, batchId)
    },
  }
}
