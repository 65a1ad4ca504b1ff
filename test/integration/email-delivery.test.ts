import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { createTestApp, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'
import { dataLayer, type DataLayer } from '../../src/data'
import { claimDue, enqueueEmail, listOutbox, type OutboxEmail } from '../../src/data/emailOutbox'
import { EMAIL_MAX_ATTEMPTS } from '../../src/domain/emailBackoff'
import type { MailConfig } from '../../src/config'
import type { Clock } from '../../src/services/clock'
import { emailDeliveryService } from '../../src/services/emailDelivery'

let t: TestApp
let data: DataLayer

beforeAll(async () => {
  t = await createTestApp()
  data = dataLayer(t.database.db)
})
afterAll(() => t.close())

beforeEach(async () => {
  await t.database.db('email_attempts').delete().returning('id')
  await t.database.db('email_outbox').delete().returning('id')
})

/** A clock the test moves by hand; it starts a second ahead of the database's now(), so new e-mails are due. */
let current = new Date()
const clock: Clock = { now: () => current, today: () => TEST_TODAY }
const startClock = () => (current = new Date(Date.now() + 1000))
const moveClock = (minutes: number) => (current = new Date(current.getTime() + minutes * 60_000))

interface Received {
  to: string[]
  from: string
  subject: string
}

/** A mail server on 127.0.0.1 keeping what it receives; port 0 picks a free port. */
async function startSmtpServer(
  port: number,
  received: Received[],
): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const message = Buffer.concat(chunks).toString('utf8')
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: /^Subject: (.*)$/m.exec(message)?.[1]?.trim() ?? '',
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return { server, port: (server.server.address() as AddressInfo).port }
}

const stopSmtpServer = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()))

async function enqueue(n: number, prefix: string): Promise<string[]> {
  return t.database.db.transaction(async (trx) => {
    const ids: string[] = []
    for (let i = 1; i <= n; i++) {
      ids.push(
        await enqueueEmail(trx, {
          to: `${prefix}-${i}@example.org`,
          subject: `${prefix} ${i}`,
          body: `Hello ${i}`,
          event: 'letter_issued',
        }),
      )
    }
    return ids
  })
}

async function outboxById(): Promise<Map<string, OutboxEmail>> {
  return new Map((await listOutbox(t.database.db, 100)).map((e) => [e.id, e]))
}

async function attemptsOf(id: string) {
  return (await t.database
    .db('email_attempts')
    .where({ email_id: id })
    .orderBy('attempted_at')
    .select('outcome', 'error')) as Array<{ outcome: string; error: string | null }>
}

const FROM = 'Panel <no-reply@northshire.example.org>'
const mailVia = (port: number): MailConfig => ({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM })

describe('delivering the outbox', () => {
  test('sends what is due; keeps what the server could not take, and sends it once the server is back', async () => {
    const received: Received[] = []
    const first = await startSmtpServer(0, received)
    const delivery = emailDeliveryService(data, clock, mailVia(first.port))

    const sentFirst = await enqueue(3, 'first')
    startClock()
    await expect(delivery.deliverDue()).resolves.toEqual({
      ran: true,
      counts: { sent: 3, retrying: 0, gaveUp: 0, waiting: 0 },
    })
    expect(received.map((r) => r.subject).sort()).toEqual(['first 1', 'first 2', 'first 3'])
    expect(received.map((r) => r.to).sort()).toEqual([
      ['first-1@example.org'],
      ['first-2@example.org'],
      ['first-3@example.org'],
    ])
    expect(received.every((r) => r.from === 'no-reply@northshire.example.org')).toBe(true)

    // The server goes away.
    await stopSmtpServer(first.server)
    const whileDown = await enqueue(2, 'second')
    startClock()
    const down = await delivery.deliverDue()
    expect(down).toEqual({ ran: true, counts: { sent: 0, retrying: 2, gaveUp: 0, waiting: 2 } })
    let outbox = await outboxById()
    for (const id of whileDown) {
      const email = outbox.get(id)!
      expect(email).toMatchObject({ status: 'pending', attempts: 1, sentAt: null })
      expect(email.lastError).toMatch(/ECONNREFUSED|connect/i)
      expect(email.nextAttemptAt.getTime()).toBeGreaterThan(current.getTime())
      expect(await attemptsOf(id)).toEqual([{ outcome: 'failed', error: email.lastError }])
    }
    // Not yet due: a run straight away tries nothing.
    await expect(delivery.deliverDue()).resolves.toMatchObject({
      counts: { sent: 0, retrying: 0, waiting: 2 },
    })
    expect(received).toHaveLength(3)

    // The server is back, on the same port, and the first retry is due (1 minute, plus up to 10%).
    const second = await startSmtpServer(first.port, received)
    try {
      moveClock(2)
      await expect(delivery.deliverDue()).resolves.toEqual({
        ran: true,
        counts: { sent: 2, retrying: 0, gaveUp: 0, waiting: 0 },
      })
      await expect(delivery.deliverDue()).resolves.toMatchObject({ counts: { sent: 0, waiting: 0 } })
    } finally {
      await stopSmtpServer(second.server)
    }

    // Nothing lost, nothing twice.
    const subjects = received.map((r) => r.subject).sort()
    expect(subjects).toEqual(['first 1', 'first 2', 'first 3', 'second 1', 'second 2'])
    outbox = await outboxById()
    for (const id of sentFirst) {
      expect(outbox.get(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null })
      expect(await attemptsOf(id)).toEqual([{ outcome: 'sent', error: null }])
    }
    for (const id of whileDown) {
      expect(outbox.get(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
      expect(outbox.get(id)?.sentAt).toBeInstanceOf(Date)
      expect((await attemptsOf(id)).map((a) => a.outcome)).toEqual(['failed', 'sent'])
    }
  })

  test('an e-mail whose last allowed attempt fails is marked failed and not tried again', async () => {
    const [id] = await enqueue(1, 'doomed')
    await t.database
      .db('email_outbox')
      .where({ id })
      .update({ attempts: EMAIL_MAX_ATTEMPTS - 1 })
      .returning('id')
    // Nothing listens on this port: a free one was picked, then closed.
    const probe = await startSmtpServer(0, [])
    await stopSmtpServer(probe.server)
    const delivery = emailDeliveryService(data, clock, mailVia(probe.port))
    startClock()
    await expect(delivery.deliverDue()).resolves.toEqual({
      ran: true,
      counts: { sent: 0, retrying: 0, gaveUp: 1, waiting: 0 },
    })
    expect((await outboxById()).get(id!)).toMatchObject({ status: 'failed', attempts: EMAIL_MAX_ATTEMPTS })
    moveClock(60 * 24 * 7)
    await expect(delivery.deliverDue()).resolves.toMatchObject({ counts: { gaveUp: 0, retrying: 0 } })
  })

  test('a claimed e-mail is not claimed again while its lease runs', async () => {
    await enqueue(2, 'lease')
    startClock()
    const now = current
    const later = new Date(now.getTime() + 15 * 60_000)
    const claimed = await t.database.db.transaction((trx) => claimDue(trx, now, 10, later))
    // Enqueued in one transaction, they share created_at: their order between them is arbitrary.
    expect(claimed.map((e) => e.subject).sort()).toEqual(['lease 1', 'lease 2'])
    expect(await t.database.db.transaction((trx) => claimDue(trx, now, 10, later))).toEqual([])
    const afterLease = new Date(later.getTime() + 1)
    expect(await t.database.db.transaction((trx) => claimDue(trx, afterLease, 1, later))).toHaveLength(1)
  })

  test('an e-mail enqueued in a transaction that rolls back is never sent', async () => {
    await expect(
      t.database.db.transaction(async (trx) => {
        await enqueueEmail(trx, { to: 'x@example.org', subject: 'never', body: '', event: 'letter_issued' })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await listOutbox(t.database.db, 10)).toEqual([])
  })
})

describe('with no mail server set up', () => {
  test('nothing is sent, and the admin page lists the waiting e-mails', async () => {
    const [caseRow] = (await t.database.db('cases').select('id').limit(1)) as Array<{ id: string }>
    await t.database.db.transaction((trx) =>
      enqueueEmail(trx, {
        to: 'family.one@example.org',
        subject: 'Your <letter> is ready',
        body: 'Read it in your account.',
        event: 'letter_issued',
        caseId: caseRow!.id,
      }),
    )
    await enqueue(1, 'waiting')
    startClock()
    const delivery = emailDeliveryService(data, clock, { smtpUrl: undefined, from: FROM })
    await expect(delivery.deliverDue()).resolves.toEqual({ ran: true, counts: { sent: 0, waiting: 2 } })
    const outbox = await listOutbox(t.database.db, 10)
    expect(outbox.map((e) => [e.status, e.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ])
    expect(outbox.find((e) => e.to === 'family.one@example.org')?.caseId).toBe(caseRow!.id)

    expect(t.config.mail.smtpUrl).toBeUndefined()
    const agent = await signedInAgent(t.app, 'admin@example.org')
    const res = await agent.get('/admin/emails').expect(200)
    expect(res.text).toContain('<h1 class="govuk-heading-l">E-mails</h1>')
    expect(res.text).toContain('data-smtp="none"')
    expect(res.text).toContain('family.one@example.org')
    expect(res.text).toContain('Your &lt;letter&gt; is ready')
    expect(res.text).toContain('waiting-1@example.org')
    expect(res.text).toContain('letter_issued')
    expect(res.text).toContain('Next try')
    expect(res.text.match(/govuk-tag--blue/g)).toHaveLength(2)

    // A sent one shows when it went; one given up on shows its error, escaped.
    await t.database
      .db('email_outbox')
      .where({ to_address: 'waiting-1@example.org' })
      .update({ status: 'failed', attempts: EMAIL_MAX_ATTEMPTS, last_error: 'Mailbox <full>' })
      .returning('id')
    await t.database
      .db('email_outbox')
      .where({ to_address: 'family.one@example.org' })
      .update({ status: 'sent', attempts: 1, sent_at: new Date('2026-11-24T12:00:00Z') })
      .returning('id')
    const later = await agent.get('/admin/emails').expect(200)
    expect(later.text).toContain('Last error: Mailbox &lt;full&gt;')
    expect(later.text).toContain('govuk-tag--red')
    expect(later.text).toContain('Sent 24 November 2026 at midday')
    const settings = await agent.get('/admin').expect(200)
    expect(settings.text).toContain('href="/admin/emails"')
  })

  test('the mail server is named without its user name or password', async () => {
    const withSmtp = emailDeliveryService(data, clock, {
      smtpUrl: 'smtps://user:secret@mail.example.org:465',
      from: FROM,
    })
    expect(withSmtp.smtpServer()).toBe('smtps://mail.example.org:465')
  })

  test('is refused to anyone but an admin', async () => {
    for (const email of ['caseworker@example.org', 'manager@example.org']) {
      const agent = await signedInAgent(t.app, email)
      await agent.get('/admin/emails').expect(403)
    }
  })
})
