import nodemailer from 'nodemailer'
import type { MailConfig } from '../config'
import type { DataLayer } from '../data'
import { claimDue, countPending, listOutbox, recordAttempt, type OutboxEmail } from '../data/emailOutbox'
import { LOCK_KEYS, tryTransactionLock } from '../data/locks'
import { nextAttemptAt } from '../domain/emailBackoff'
import type { JobResult } from '../jobs/types'
import type { Clock } from './clock'

/** E-mails claimed by one run; the next run, a minute later, takes the rest. */
const BATCH_SIZE = 20
/**
 * How long a claimed e-mail is left to its sender before another run may claim it again (if the
 * sender died mid-send). Longer than a batch can take with the timeouts below.
 */
const LEASE_MS = 15 * 60_000
/** A mail server that does not answer must not hold up the batch for nodemailer's default 2 minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/** The mail server's host and port, never its user name or password, or null without one. */
export function smtpServerName(smtpUrl: string | undefined): string | null {
  if (!smtpUrl || !URL.canParse(smtpUrl)) return null
  const url = new URL(smtpUrl)
  return `${url.protocol}//${url.host}`
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Sends the outbox's e-mails. Each claim, and each record of a try, is its own short transaction:
 * nothing holds a transaction (or the embedded database's only connection) while talking to the mail
 * server. An e-mail the server refused, or could not take because it was down, is tried again later
 * (see emailBackoff), so nothing is lost while the server is away.
 */
export function emailDeliveryService(data: DataLayer, clock: Clock, mail: MailConfig) {
  const db = data.db

  async function record(email: OutboxEmail, error: string | null): Promise<'sent' | 'retrying' | 'gaveUp'> {
    const failedAt = clock.now()
    const next = error === null ? null : nextAttemptAt(email.attempts + 1, failedAt, email.id)
    const status = await db.transaction((trx) =>
      recordAttempt(trx, email.id, error === null ? 'sent' : 'failed', error, next),
    )
    return status === 'sent' ? 'sent' : status === 'pending' ? 'retrying' : 'gaveUp'
  }

  return {
    /** Whether e-mails are sent at all, and through which server (host and port only). */
    smtpServer(): string | null {
      return smtpServerName(mail.smtpUrl)
    },

    /** The outbox, newest first. */
    outbox(limit: number): Promise<OutboxEmail[]> {
      return listOutbox(db, limit)
    },

    /**
     * Sends the e-mails that are due. Without a mail server configured it sends nothing, and the
     * e-mails wait. Counts: sent, retrying (failed, to be tried again), gaveUp (failed their last
     * try), waiting (still pending after the run).
     */
    async deliverDue(): Promise<JobResult> {
      const now = clock.now()
      const smtpUrl = mail.smtpUrl
      const claim = await db.transaction(async (trx) => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.deliverEmails))) return undefined
        if (!smtpUrl) return { emails: [], waiting: await countPending(trx) }
        return {
          emails: await claimDue(trx, now, BATCH_SIZE, new Date(now.getTime() + LEASE_MS)),
          waiting: 0,
        }
      })
      if (!claim) return { ran: false }
      if (!smtpUrl) return { ran: true, counts: { sent: 0, waiting: claim.waiting } }

      const counts = { sent: 0, retrying: 0, gaveUp: 0, waiting: 0 }
      if (claim.emails.length > 0) {
        const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS })
        try {
          for (const email of claim.emails) {
            let error: string | null = null
            try {
              await transport.sendMail({
                from: mail.from,
                to: email.to,
                subject: email.subject,
                text: email.body,
              })
            } catch (e) {
              error = errorText(e) || 'The mail server refused the e-mail'
            }
            counts[await record(email, error)] += 1
          }
        } finally {
          transport.close()
        }
      }
      counts.waiting = await countPending(db)
      return { ran: true, counts }
    },
  }
}

export type EmailDeliveryService = ReturnType<typeof emailDeliveryService>
