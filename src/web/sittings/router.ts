import { Router, type NextFunction, type Request, type Response } from 'express'
import { z } from 'zod'
import type { ExplainedMove } from '../../domain/queueMoves'
import { formatLongDate, formatTime } from '../../domain/dates'
import type { MoveChoices } from '../../domain/moveChoices'
import type { SittingDetail } from '../../services/records'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { renderPageOrFragment } from '../middleware/views'
import { fieldError, noErrors, type FormErrors, typedText } from '../validation'
import { decisionRoutes } from './decisionRouter'
import { extraSittingRoutes } from './extraSitting'
import { meetingRoutes } from './meetingRouter'
import { minutesRoutes } from './minutesRouter'
import { assertFound } from '../results'

const id = z.uuid()
const direction = z.enum(['up', 'down'])
const reasonField = typedText('The reason', { multiLine: true })
  .trim()
  .min(1, 'Enter why the sitting is cancelled')
  .max(500, 'The reason must be 500 characters or fewer')

function params(req: Request): { sittingId: string; caseId?: string } {
  const sittingId = id.safeParse(req.params.id)
  const caseId = req.params.caseId === undefined ? undefined : id.safeParse(req.params.caseId)
  if (!sittingId.success || (caseId && !caseId.success)) throw new HttpError(404, 'not-found')
  return { sittingId: sittingId.data, caseId: caseId?.data }
}

/** Chairs and members: their panels' sittings, agendas and papers; the chair runs the agenda. */
export function sittingsRouter(services: Services): Router {
  const router = Router()

  router.get('/', async (req, res) => {
    const sittings = await services.home.upcomingSittings(req.user!)
    const toWriteUp = await services.home.sittingsToWriteUp(req.user!)
    res.render('pages/sittings/my-sittings', { sittings, toWriteUp })
  })

  extraSittingRoutes(router, services)
  meetingRoutes(router, services)
  decisionRoutes(router, services)
  minutesRoutes(router, services)

  async function showAgenda(req: Request, res: Response, next: NextFunction, status = 200, extra = {}) {
    const { sittingId } = params(req)
    const view = await services.agenda.agenda(req.user!, sittingId)
    if (!view) throw new HttpError(404, 'not-found')
    res.status(status)
    renderPageOrFragment(
      req,
      res,
      { page: 'pages/sittings/agenda', fragment: 'partials/sittings/agenda' },
      {
        ...view,
        errors: noErrors(),
        focus: null,
        announcement: null,
        notice: noticeFrom(req),
        moves: takeMoves(req),
        // htmx swaps only the agenda, so a refusal's summary must come inside it.
        fragmentErrors: req.get('HX-Request') === 'true',
        ...extra,
      },
    )
  }

  router.get('/:id', (req, res, next) => showAgenda(req, res, next))

  router.post('/:id/items/:caseId/reorder', async (req, res, next) => {
    const { sittingId, caseId } = params(req)
    const parsed = direction.safeParse((req.body as Record<string, unknown>).direction)
    if (!parsed.success) throw new HttpError(400, 'bad-request')
    const result = await services.agenda.reorder(req.user!, sittingId, caseId!, parsed.data)
    if (!result.ok) {
      assertFound(result)
      return showAgenda(req, res, next, 409, { errors: agendaError(result.message) })
    }
    if (req.get('HX-Request') !== 'true') return res.redirect(303, `/sittings/${sittingId}#agenda`)
    showAgenda(req, res, next, 200, {
      focus: { caseId, direction: parsed.data },
      announcement: parsed.data === 'up' ? 'Moved up one place' : 'Moved down one place',
    })
  })

  router.get('/:id/items/:caseId/move', async (req, res) => {
    const { sittingId, caseId } = params(req)
    const view = await services.agenda.moveOptions(req.user!, sittingId, caseId!)
    if (!view) throw new HttpError(404, 'not-found')
    if (!view.isChair) throw new HttpError(403, 'forbidden')
    const showAll = req.query.all === '1'
    res.render('pages/sittings/move', { ...view, ...moveList(view.choices, showAll), errors: noErrors() })
  })

  router.post('/:id/items/:caseId/move', async (req, res) => {
    const { sittingId, caseId } = params(req)
    const to = id.safeParse((req.body as Record<string, unknown>).toSittingId)
    const result = to.success
      ? await services.agenda.moveTo(req.user!, sittingId, caseId!, to.data)
      : ({ ok: false, reason: 'invalid', field: 'toSittingId', message: 'Choose a sitting' } as const)
    if (result.ok) {
      keepMoves(req, result.moves)
      return res.redirect(303, `/sittings/${sittingId}?moved=1#agenda`)
    }
    assertFound(result)
    const view = await services.agenda.moveOptions(req.user!, sittingId, caseId!)
    if (!view) throw new HttpError(404, 'not-found')
    res.status(400).render('pages/sittings/move', {
      ...view,
      ...moveList(view.choices, true),
      errors: fieldError(result.field, result.message),
    })
  })

  // Asks first: sending a case back can move others, and it cannot simply be undone.
  router.get('/:id/items/:caseId/send-back', async (req, res) => {
    const { sittingId, caseId } = params(req)
    const view = await services.agenda.agenda(req.user!, sittingId)
    const item = view?.items.find((i) => i.caseId === caseId)
    if (!view || !item) throw new HttpError(404, 'not-found')
    if (!view.isChair) throw new HttpError(403, 'forbidden')
    res.render('pages/sittings/send-back', { ...view, item })
  })

  router.post('/:id/items/:caseId/send-back', async (req, res, next) => {
    const { sittingId, caseId } = params(req)
    const result = await services.agenda.sendBack(req.user!, sittingId, caseId!)
    if (result.ok) {
      keepMoves(req, result.moves)
      return res.redirect(303, `/sittings/${sittingId}?sentBack=1#agenda`)
    }
    assertFound(result)
    showAgenda(req, res, next, 409, { errors: agendaError(result.message) })
  })

  router.post('/:id/lock', async (req, res, next) => {
    const { sittingId } = params(req)
    const locked = (req.body as Record<string, unknown>).locked === 'true'
    const result = await services.sittings.setAgendaLock(req.user!, sittingId, locked)
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}`)
    assertFound(result)
    showAgenda(req, res, next, 409, { errors: agendaError(result.message) })
  })

  router.get('/:id/cancel', async (req, res) => {
    const { sittingId } = params(req)
    const access = await services.sittings.access(sittingId, req.user!)
    if (!access) throw new HttpError(404, 'not-found')
    if (!access.isChair) throw new HttpError(403, 'forbidden')
    res.render('pages/sittings/cancel', { ...access, values: {}, errors: noErrors() })
  })

  router.post('/:id/cancel', async (req, res) => {
    const { sittingId } = params(req)
    const body = req.body as Record<string, unknown>
    const reason = reasonField.safeParse(body.reason)
    const result = reason.success
      ? await services.sittings.cancelSitting(req.user!, sittingId, reason.data)
      : ({ ok: false, reason: 'invalid', field: 'reason', message: reason.error.issues[0]!.message } as const)
    if (result.ok) {
      keepMoves(req, result.moves)
      return res.redirect(303, `/sittings/${sittingId}`)
    }
    assertFound(result)
    const access = await services.sittings.access(sittingId, req.user!)
    if (!access) throw new HttpError(404, 'not-found')
    res.status(400).render('pages/sittings/cancel', {
      ...access,
      values: body,
      errors: fieldError(result.field, result.message),
    })
  })

  router.get('/:id/cases/:caseId', async (req, res) => {
    const { sittingId, caseId } = params(req)
    const view = await services.agenda.papers(req.user!, sittingId, caseId!)
    if (!view) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, caseId!, 'papers', sittingId)
    res.render('pages/sittings/papers', {
      ...view,
      familyViews: await services.portal.familyViewsFor(caseId!),
    })
  })

  return router
}

/** The queue's moves after a change, kept for the page the chair is sent to next. */
export function keepMoves(req: Request, moves: ExplainedMove[] | undefined): void {
  if (moves && moves.length > 0) req.session.queueMoves = moves
}

/** Shown once: a reload does not repeat them. */
export function takeMoves(req: Request): ExplainedMove[] {
  const moves = req.session.queueMoves ?? []
  delete req.session.queueMoves
  return moves
}

function noticeFrom(req: Request): 'added' | 'moved' | 'sentBack' | null {
  for (const notice of ['added', 'moved', 'sentBack'] as const) if (req.query[notice] === '1') return notice
  return null
}

/** How many sittings the move page lists before "show all": the first few are nearly always the answer. */
export const MOVE_SHORT_LIST = 5

type MoveSittingView = SittingDetail & { itemCount: number }

/**
 * The move page's radios: in-time sittings first, then later ones, each saying its free places and
 * whether it meets the deadline. A short list unless the chair asks for all.
 */
export function moveList(choices: MoveChoices<MoveSittingView>, showAll: boolean) {
  const all = [
    ...choices.inTime.map((s) => ({ s, inTime: true })),
    ...choices.late.map((s) => ({ s, inTime: false })),
  ]
  const shown = showAll ? all : all.slice(0, MOVE_SHORT_LIST)
  const free = (s: MoveSittingView) => s.capacity - s.itemCount
  return {
    options: shown.map(({ s, inTime }) => ({
      value: s.id,
      text: `${formatLongDate(s.sittingOn)}, ${formatTime(s.startsAt)} – ${s.panelName}`,
      hint: {
        text: [
          `${free(s)} of ${s.capacity} ${s.capacity === 1 ? 'place' : 'places'} free`,
          inTime ? null : 'after the deadline',
          s.isSummer ? 'summer sitting' : null,
        ]
          .filter(Boolean)
          .join(' · '),
      },
    })),
    hiddenCount: all.length - shown.length,
    fullSittings: choices.full.map((s) => `${formatLongDate(s.sittingOn)}, ${formatTime(s.startsAt)}`),
  }
}

function agendaError(message: string): FormErrors {
  return { byField: {}, summary: [{ text: message, href: '#agenda' }] }
}
