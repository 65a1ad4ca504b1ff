import { Router } from 'express'
import { z, type ZodError } from 'zod'
import type { Services } from '../../services'
import { isIsoDate } from '../../domain/dates'
import { CASE_KINDS, CASE_KIND_LABELS } from '../../domain/vocabulary'
import {
  hasStatutoryClock,
  KINDS_WITH_A_CLOCK,
  PHASE_TRANSFERS,
  type ClockExtras,
  type ClockRequest,
} from '../../domain/statutoryClock'
import { APPEAL_ORDERS, APPEAL_ROUTES } from '../../domain/tribunalOrders'

/** An empty parameter (`?received=`) is a missing one, so that it gets the "Enter…" message. */
function blankAsMissing(value: unknown): unknown {
  return value === '' ? undefined : value
}

/** A 'YYYY-MM-DD' query parameter: missing, malformed and impossible (2026-02-30) dates each get their own message. */
function isoDate(description: string) {
  const malformed = `Enter ${description} as YYYY-MM-DD, like 2027-03-29`
  return z
    .string({ error: (issue) => (issue.input === undefined ? `Enter ${description}` : malformed) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: malformed })
    .refine((v) => isIsoDate(v) && v >= '1900-01-01' && v <= '2100-12-31', {
      error: `Enter ${description} as a real date, like 2027-03-29`,
    })
}

const required = (description: string) => z.preprocess(blankAsMissing, isoDate(description))
const optional = (description: string) => z.preprocess(blankAsMissing, isoDate(description).optional())

const choices = KINDS_WITH_A_CLOCK.join(', ')
const kindQuery = z.object({
  kind: z.preprocess(
    blankAsMissing,
    z.enum(CASE_KINDS, {
      error: (issue) =>
        issue.input === undefined ? `Enter the kind of case: ${choices}` : `Kind must be one of ${choices}`,
    }),
  ),
})

const receivedQuery = z.object({ received: required('the date the request was received') })

const annualReviewQuery = z
  .object({
    meeting: required('the date of the review meeting'),
    notice: optional('the date the notice of proposed amendments was sent'),
  })
  .refine((q) => !q.notice || q.notice >= q.meeting, {
    path: ['notice'],
    error: 'The notice of proposed amendments must be sent on or after the day of the review meeting',
  })

/** A review meeting held and the notice of proposed amendments: both optional, the notice not before the meeting. */
const reviewHeldShape = {
  meeting: optional('the date the review meeting was held'),
  notice: optional('the date the notice of proposed amendments was sent'),
}
const noticeAfterMeeting = {
  path: ['notice'],
  error: 'The notice of proposed amendments must be sent on or after the day of the review meeting',
}

const transferChoice = z.preprocess(
  blankAsMissing,
  z.enum(PHASE_TRANSFERS, {
    error:
      'Enter the transfer: school (between school phases), post16 (secondary school to post-16) or post16_move (between post-16 institutions, with transferOn)',
  }),
)

const phaseTransferQuery = z.object({
  transferYear: z.preprocess(
    blankAsMissing,
    z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'Enter the year of transfer, like 2027'
            : 'Enter the year of transfer as 4 digits, like 2027',
      })
      .regex(/^\d{4}$/, { error: 'Enter the year of transfer as 4 digits, like 2027' })
      .transform(Number)
      .refine((year) => year >= 2015 && year <= 2099, {
        error: 'The year of transfer must be between 2015 and 2099',
      }),
  ),
  transfer: transferChoice,
  ...reviewHeldShape,
})

// Reg 18(2): a move between post-16 institutions is dated by the day of the move, not a year.
const post16MoveQuery = z.object({
  transferOn: required('the date of the move between post-16 institutions'),
  ...reviewHeldShape,
})

/** What any kind may add: a draft sent, the final plan issued, and a tribunal appeal (all three of its fields). */
const extrasQuery = z
  .object({
    draftSent: optional('the date the draft plan was sent'),
    finalPlanIssued: optional('the date the final plan was issued'),
    appealRoute: z.preprocess(
      blankAsMissing,
      z.enum(APPEAL_ROUTES, { error: 'Enter the appeal route: ordered or unopposed' }).optional(),
    ),
    appealOn: optional('the date of the tribunal’s order or of our notice not to oppose'),
    appealAbout: z.preprocess(
      blankAsMissing,
      z
        .enum(APPEAL_ORDERS, { error: `Enter what the appeal was about: ${APPEAL_ORDERS.join(', ')}` })
        .optional(),
    ),
  })
  .superRefine((q, ctx) => {
    const given = [q.appealRoute, q.appealOn, q.appealAbout].filter((v) => v !== undefined).length
    if (given === 0 || given === 3) return
    for (const field of ['appealRoute', 'appealOn', 'appealAbout'] as const) {
      if (q[field] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'Enter appealRoute, appealOn and appealAbout together',
        })
    }
  })
  .transform((q): ClockExtras => ({
    ...(q.draftSent ? { draftSent: q.draftSent } : {}),
    ...(q.finalPlanIssued ? { finalPlanIssued: q.finalPlanIssued } : {}),
    ...(q.appealRoute && q.appealOn && q.appealAbout
      ? { appeal: { route: q.appealRoute, on: q.appealOn, about: q.appealAbout } }
      : {}),
  }))

const appealQuery = z.object({
  letter: required('the date of the decision letter'),
  mediationCertificate: optional('the date of the mediation certificate'),
})

interface BadQuery {
  error: string
  field: string
}

/** The first problem, naming the query parameter it is about. */
function firstProblem(error: ZodError): BadQuery {
  const issue = error.issues[0]
  return { error: issue?.message ?? 'Check the query', field: String(issue?.path[0] ?? 'query') }
}

type Parsed = { ok: true; request: ClockRequest } | { ok: false; problem: BadQuery }

function parseClockRequest(query: unknown): Parsed {
  const kind = kindQuery.safeParse(query)
  if (!kind.success) return { ok: false, problem: firstProblem(kind.error) }
  const k = kind.data.kind
  if (!hasStatutoryClock(k)) {
    return {
      ok: false,
      problem: { error: `${CASE_KIND_LABELS[k]} has no statutory clock: choose ${choices}`, field: 'kind' },
    }
  }
  const extras = extrasQuery.safeParse(query)
  if (!extras.success) return { ok: false, problem: firstProblem(extras.error) }
  const main = mainRequest(k, query)
  return main.ok ? { ok: true, request: { ...main.request, ...extras.data } as ClockRequest } : main
}

/** Drops the optional dates not given, so that the request holds only what was asked. */
function given<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>
}

function mainRequest(k: ClockRequest['kind'], query: unknown): Parsed {
  switch (k) {
    case 'assessment_request':
    case 'issue_plan': {
      const q = receivedQuery.safeParse(query)
      return q.success
        ? { ok: true, request: { kind: k, received: q.data.received } }
        : { ok: false, problem: firstProblem(q.error) }
    }
    case 'annual_review': {
      const q = annualReviewQuery.safeParse(query)
      return q.success
        ? { ok: true, request: { kind: k, ...given(q.data), meeting: q.data.meeting } }
        : { ok: false, problem: firstProblem(q.error) }
    }
    case 'phase_transfer': {
      const isMove = (query as Record<string, unknown>).transfer === 'post16_move'
      if (isMove) {
        const q = post16MoveQuery
          .refine((v) => !v.notice || !v.meeting || v.notice >= v.meeting, noticeAfterMeeting)
          .safeParse(query)
        return q.success
          ? {
              ok: true,
              request: { kind: k, transfer: 'post16_move', ...given(q.data), transferOn: q.data.transferOn },
            }
          : { ok: false, problem: firstProblem(q.error) }
      }
      const q = phaseTransferQuery
        .refine((v) => !v.notice || !v.meeting || v.notice >= v.meeting, noticeAfterMeeting)
        .safeParse(query)
      if (!q.success) return { ok: false, problem: firstProblem(q.error) }
      const { transfer, transferYear, ...held } = q.data
      // post16_move is handled above; the enum allows it only so that its message lists every choice.
      if (transfer === 'post16_move')
        return { ok: false, problem: { error: 'Enter transferOn for a post16_move', field: 'transferOn' } }
      return { ok: true, request: { kind: k, transfer, transferYear, ...given(held) } }
    }
  }
}

/** The statutory deadline calculator, as JSON for integration. Staff only: mounted behind the staff area check. */
export function deadlinesRouter(services: Services): Router {
  const router = Router()

  router.get('/deadlines', async (req, res) => {
    const parsed = parseClockRequest(req.query)
    if (!parsed.ok) return void res.status(400).json(parsed.problem)
    const deadlines = await services.deadlines.deadlinesFor(parsed.request)
    res.json({ kind: parsed.request.kind, deadlines })
  })

  router.get('/appeal-deadline', async (req, res) => {
    const q = appealQuery.safeParse(req.query)
    if (!q.success) return void res.status(400).json(firstProblem(q.error))
    const { lastDay, unconfirmedBankHolidayYears, note } = await services.deadlines.appealDeadline(q.data)
    res.json({ lastDay, unconfirmedBankHolidayYears, note })
  })

  return router
}
