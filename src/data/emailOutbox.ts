import type { Knex } from 'knex'
import type { Executor } from './db'

export type EmailStatus = 'pending' | 'sent' | 'failed'
export type AttemptOutcome = 'sent' | 'failed'

export interface NewEmail {
  to: string
  subject: string
  body: string
  /** What caused it, such as 'letter_issued'. */
  event: string
  caseId?: string | null
}

export interface OutboxEmail {
  id: string
  to: string
  subject: string
  body: string
  event: string
  caseId: string | null
  status: EmailStatus
  attempts: number
  nextAttemptAt: Date
  sentAt: Date | null
  lastError: string | null
  createdAt: Date
}

interface OutboxRow {
  id: string
  to_address: string
  subject: string
  body: string
  event: string
  case_id: string | null
  status: EmailStatus
  attempts: number
  next_attempt_at: Date
  sent_at: Date | null
  last_error: string | null
  created_at: Date
}

const COLUMNS = [
  'id',
  'to_address',
  'subject',
  'body',
  'event',
  'case_id',
  'status',
  'attempts',
  'next_attempt_at',
  'sent_at',
  'last_error',
  'created_at',
] as const

/** Errors from a mail server can be long; the outbox keeps the start, which says what went wrong. */
const ERROR_MAX_LENGTH = 500

function toEmail(row: OutboxRow): OutboxEmail {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    event: row.event,
    caseId: row.case_id,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  }
}

/**
 * Puts an e-mail in the outbox, to be sent by the deliver-emails job. Takes the transaction of the
 * change that causes the e-mail, so that the change and its e-mail land together or not at all.
 */
export async function enqueueEmail(trx: Executor, email: NewEmail): Promise<string> {
  const [row] = (await trx('email_outbox')
    .insert({
      to_address: email.to,
      subject: email.subject,
      body: email.body,
      event: email.event,
      case_id: email.caseId ?? null,
    })
    .returning('id')) as Array<{ id: string }>
  if (!row) throw new Error('email_outbox insert returned no id')
  return row.id
}

/** Rows per insert: a run that places thousands of cases queues their e-mails in a few statements. */
const ENQUEUE_BATCH = 500

/**
 * Queues many e-mails in the caller's transaction, in set-based inserts rather than one per e-mail,
 * in the order given; the same rows as enqueueEmail would write for each.
 */
export async function enqueueEmails(trx: Executor, emails: readonly NewEmail[]): Promise<void> {
  for (let i = 0; i < emails.length; i += ENQUEUE_BATCH)
    await trx('email_outbox').insert(
      emails.slice(i, i + ENQUEUE_BATCH).map((email) => ({
        to_address: email.to,
        subject: email.subject,
        body: email.body,
        event: email.event,
        case_id: email.caseId ?? null,
      })),
    )
}

/**
 * Claims up to `limit` pending e-mails due by `now`, oldest first, by moving their next try to
 * `leaseUntil`: a claimed e-mail is not claimed again (by this or another instance) while it is being
 * sent, and one whose sender died is tried again once the lease runs out. Rows another transaction
 * has locked are skipped rather than waited for.
 */
export async function claimDue(
  trx: Knex.Transaction,
  now: Date,
  limit: number,
  leaseUntil: Date,
): Promise<OutboxEmail[]> {
  const due = trx('email_outbox')
    .select('id')
    .where({ status: 'pending' })
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
  const rows = (await trx('email_outbox')
    .whereIn('id', due)
    .update({ next_attempt_at: leaseUntil, updated_at: trx.fn.now() })
    .returning([...COLUMNS])) as OutboxRow[]
  return rows
    .map(toEmail)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
}

/**
 * Records one try at sending an e-mail. Sent: the e-mail is done. Failed with a next try: it waits
 * until then. Failed with none (null): it has had its last try and is marked failed.
 */
export async function recordAttempt(
  trx: Knex.Transaction,
  id: string,
  outcome: AttemptOutcome,
  error: string | null,
  nextAttemptAt: Date | null,
): Promise<EmailStatus> {
  const shortError = error === null ? null : error.slice(0, ERROR_MAX_LENGTH)
  await trx('email_attempts').insert({ email_id: id, outcome, error: shortError })
  const status: EmailStatus = outcome === 'sent' ? 'sent' : nextAttemptAt === null ? 'failed' : 'pending'
  const update: Record<string, unknown> = {
    status,
    attempts: trx.raw('attempts + 1'),
    last_error: shortError,
    updated_at: trx.fn.now(),
  }
  if (outcome === 'sent') update.sent_at = trx.fn.now()
  if (nextAttemptAt !== null) update.next_attempt_at = nextAttemptAt
  const updated = (await trx('email_outbox').where({ id }).update(update).returning('id')) as unknown[]
  if (updated.length !== 1) throw new Error(`No e-mail ${id} in the outbox`)
  return status
}

/** How many e-mails are waiting to be sent (due now or later). */
export async function countPending(trx: Executor): Promise<number> {
  const [row] = (await trx('email_outbox').where({ status: 'pending' }).count({ n: '*' })) as Array<{
    n: string | number
  }>
  return Number(row?.n ?? 0)
}

/** The outbox, newest first, for the admin page. */
export async function listOutbox(db: Executor, limit: number): Promise<OutboxEmail[]> {
  const rows = (await db('email_outbox')
    .select([...COLUMNS])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)) as OutboxRow[]
  return rows.map(toEmail)
}
