import { stringify } from 'csv-stringify/sync'
import type { DataLayer } from '../data'
import { countReads, insertReads, listReaders, listReads, type ReadLogFilter } from '../data/recordReads'
import type { User } from '../data/users'
import { formatDateTime } from '../domain/dates'
import {
  clampPage,
  csvSafeCell,
  pageCount,
  READ_BATCH_SIZE,
  READ_FLUSH_MS,
  READ_KIND_LABELS,
  READ_LOG_PAGE_SIZE,
  type ReadEvent,
  type ReadKind,
} from '../domain/dataProtection'
import { ROLE_LABELS, type Role } from '../domain/vocabulary'
import type { Clock } from './clock'

/** A download is for one officer's question, not a copy of the table: past this, narrow the filter. */
export const READ_LOG_CSV_LIMIT = 100_000
/** Events kept for another try when the database refuses a batch; past this the oldest are dropped. */
const MAX_BUFFERED = 10_000

/**
 * Who opened which child's record (issue 17, point 6).
 *
 * Reads are buffered in memory and written in one INSERT a second (or every READ_BATCH_SIZE reads),
 * rather than one INSERT per page: the embedded database has a single connection, so a write per page
 * view would queue against every other request's queries, and on PostgreSQL a batch is still one round
 * trip for many views. A page never waits for its own read to be written. The cost is that reads of the
 * last second are lost if the process dies outright; shutdown (SIGTERM) flushes them, and tests call
 * `flush()` to see them written deterministically.
 */
export function readLogService(data: DataLayer, clock: Clock) {
  const db = data.db
  let buffer: ReadEvent[] = []
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()

  function schedule() {
    if (timer) return
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, READ_FLUSH_MS)
    // A waiting flush is no reason to keep the process (or a test run) alive: shutdown flushes.
    timer.unref()
  }

  /** Writes what is buffered; flushes run one after another, so a batch is never written twice. */
  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    writing = writing.then(async () => {
      const batch = buffer
      buffer = []
      if (batch.length === 0) return
      try {
        await insertReads(db, batch)
      } catch {
        // Kept for the next flush: a lost connection must not lose the log. Bounded, so it cannot grow for ever.
        buffer = [...batch, ...buffer].slice(-MAX_BUFFERED)
        schedule()
      }
    })
    return writing
  }

  return {
    /** Notes that the user opened something of the case; written later, off the request's path. */
    record(user: User, caseId: string, kind: ReadKind, objectId: string | null = null): void {
      buffer.push({ readAt: clock.now(), userId: user.id, caseId, kind, objectId })
      if (buffer.length >= READ_BATCH_SIZE) void flush()
      else schedule()
    },

    flush,

    /** For shutdown: no more timers, and what is buffered written. */
    async stop(): Promise<void> {
      await flush()
    },

    async page(filter: ReadLogFilter, requestedPage: number) {
      const [total, readers] = await Promise.all([countReads(db, filter), listReaders(db)])
      const page = clampPage(requestedPage, total, READ_LOG_PAGE_SIZE)
      const rows = await listReads(db, filter, {
        limit: READ_LOG_PAGE_SIZE,
        offset: (page - 1) * READ_LOG_PAGE_SIZE,
      })
      return {
        total,
        page,
        pages: pageCount(total, READ_LOG_PAGE_SIZE),
        rows: rows.map((r) => ({
          ...r,
          when: formatDateTime(r.readAt),
          roleLabel: ROLE_LABELS[r.userRole as Role] ?? r.userRole,
          what: READ_KIND_LABELS[r.kind],
        })),
        readers,
      }
    },

    /** The filtered log as CSV, each cell safe to open in a spreadsheet. */
    async csv(filter: ReadLogFilter): Promise<string> {
      const rows = await listReads(db, filter, { limit: READ_LOG_CSV_LIMIT, offset: 0 })
      const records = rows.map((r) =>
        [
          r.readAt.toISOString(),
          r.userName,
          ROLE_LABELS[r.userRole as Role] ?? r.userRole,
          r.childName,
          r.caseReference,
          READ_KIND_LABELS[r.kind],
          r.objectId ?? '',
        ].map(csvSafeCell),
      )
      return stringify(records, {
        header: true,
        columns: ['Read at (UTC)', 'Who', 'Role', 'Child', 'Case reference', 'What was opened', 'Item id'],
      })
    },
  }
}

export type ReadLogService = ReturnType<typeof readLogService>
