import type { NextFunction, Request, Response, Router } from 'express'
import { z } from 'zod'
import { ATTENDANCE, type Attendance } from '../../domain/vocabulary'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { presentMeetingPage } from './meetingPagePresenter'
import { noErrors, typedText } from '../validation'
import { formRefusal } from '../results'
import { FAMILY_TEXT_FIELDS } from '../../services/decisions'
import { takeMoves } from './router'

const id = z.uuid()

export function sittingIdOf(req: Request): string {
  const parsed = id.safeParse(req.params.id)
  if (!parsed.success) throw new HttpError(404, 'not-found')
  return parsed.data
}

export function uuidParam(req: Request, name: string): string {
  const parsed = id.safeParse(req.params[name])
  if (!parsed.success) throw new HttpError(404, 'not-found')
  return parsed.data
}

const guestShape = z.object({
  name: typedText('The name')
    .trim()
    .min(1, 'Enter the guest’s name')
    .max(200, 'The name must be 200 characters or fewer'),
  role: typedText('The role')
    .trim()
    .min(1, 'Enter the guest’s role, for example “Educational psychologist”')
    .max(200, 'The role must be 200 characters or fewer'),
})

/** The meeting page, attendance with the live quorum, and guests. */
export function meetingRoutes(router: Router, services: Services): void {
  async function showMeeting(req: Request, res: Response, next: NextFunction, status = 200, extra = {}) {
    const record = await services.meeting.record(req.user!, sittingIdOf(req))
    if (!record) throw new HttpError(404, 'not-found')
    res.status(status).render('pages/sittings/meeting', {
      ...record,
      page: presentMeetingPage(record),
      errors: noErrors(),
      values: {},
      saved: req.query.saved ?? null,
      moves: takeMoves(req),
      ...extra,
    })
  }

  router.get('/:id/meeting', (req, res, next) => showMeeting(req, res, next))

  async function showAttendance(req: Request, res: Response, next: NextFunction, status = 200, extra = {}) {
    const record = await services.meeting.record(req.user!, sittingIdOf(req))
    if (!record) throw new HttpError(404, 'not-found')
    if (!record.access.isChair) throw new HttpError(403, 'forbidden')
    const values = Object.fromEntries(
      record.seats.map((s) => [`attendance-${s.panelMemberId}`, s.attendance]),
    )
    res.status(status).render('pages/sittings/attendance', {
      ...record,
      errors: noErrors(),
      values: { ...values, version: record.access.sitting.recordVersion },
      guestValues: {},
      guestErrors: noErrors(),
      ...extra,
    })
  }

  router.get('/:id/attendance', (req, res, next) => showAttendance(req, res, next))

  function attendanceFrom(body: Record<string, unknown>): Record<string, Attendance | undefined> {
    const attendance: Record<string, Attendance | undefined> = {}
    for (const [key, value] of Object.entries(body)) {
      const match = /^attendance-([0-9a-f-]{36})$/.exec(key)
      if (match && (ATTENDANCE as readonly unknown[]).includes(value))
        attendance[match[1]!] = value as Attendance
    }
    return attendance
  }

  router.post('/:id/attendance', async (req, res, next) => {
    const sittingId = sittingIdOf(req)
    const body = req.body as Record<string, unknown>
    const version = z.coerce.number().int().safeParse(body.version)
    const result = await services.meeting.saveAttendance(req.user!, sittingId, {
      version: version.success ? version.data : -1,
      attendance: attendanceFrom(body),
    })
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}/meeting?saved=attendance`)
    const { status, errors } = formRefusal(result)
    // A stale form shows the attendance as it is now; an incomplete one keeps what was chosen.
    if (result.reason === 'stale') return showAttendance(req, res, next, status, { errors })
    const record = await services.meeting.record(req.user!, sittingId)
    showAttendance(req, res, next, status, {
      errors,
      values: { ...body, version: record?.access.sitting.recordVersion },
    })
  })

  /** The quorum as the chair marks attendance, before saving: htmx posts the form on each change. */
  router.post('/:id/attendance/quorum', async (req, res) => {
    const record = await services.meeting.record(req.user!, sittingIdOf(req))
    if (!record) throw new HttpError(404, 'not-found')
    const chosen = attendanceFrom(req.body as Record<string, unknown>)
    const seats = record.seats.map((s) => ({ ...s, attendance: chosen[s.panelMemberId] ?? null }))
    res.render('partials/sittings/quorum', {
      quorum: services.meeting.quorumFor(record.access.sitting.quorumRule, seats),
      live: true,
    })
  })

  router.post('/:id/guests', async (req, res, next) => {
    const sittingId = sittingIdOf(req)
    const body = req.body as Record<string, unknown>
    const parsed = guestShape.safeParse(body)
    const result = parsed.success
      ? await services.meeting.addGuest(req.user!, sittingId, parsed.data)
      : ({
          ok: false,
          reason: 'invalid',
          problems: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
        } as const)
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}/attendance#guests`)
    const { status, errors: guestErrors } = formRefusal(result, { order: ['name', 'role'] })
    showAttendance(req, res, next, status, { guestErrors, guestValues: body })
  })

  router.post('/:id/guests/:guestId/remove', async (req, res, next) => {
    const sittingId = sittingIdOf(req)
    const result = await services.meeting.removeGuest(req.user!, sittingId, uuidParam(req, 'guestId'))
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}/attendance#guests`)
    const { status, errors: guestErrors } = formRefusal(result)
    showAttendance(req, res, next, status, { guestErrors })
  })

  /** Plain-language help for what the chair is typing; htmx sends the field's text as it changes. */
  router.post('/:id/readability', async (req, res) => {
    const body = req.body as Record<string, unknown>
    const field = z.enum(FAMILY_TEXT_FIELDS).safeParse(req.query.field)
    const target = field.success ? field.data : 'reasons'
    const text = typeof body[target] === 'string' ? (body[target] as string) : ''
    res.render('partials/sittings/readability', {
      report: await services.readability.check(text),
      field: target,
    })
  })
}
