import { assertFound, formRefusal } from '../results'
import { pageError } from '../formErrors'
import { keepMoves, takeMoves } from '../sittings/router'
import { Router, type NextFunction, type Request, type Response } from 'express'
import type { CaseDetail } from '../../services/records'
import type { User } from '../../services/records'
import type { EditResult } from '../../services/cases'
import { z } from 'zod'
import { rateLimit } from 'express-rate-limit'
import { sendExtract } from '../sittings/minutesRouter'
import { letterRoutes } from './lettersRouter'
import { familyAccessRoutes } from './familyAccessRoutes'
import type { Services } from '../../services'
import type { Clock } from '../../services/clock'
import { CASE_KINDS, CASE_STATUSES } from '../../domain/vocabulary'
import {
  ANNUAL_REVIEW_FILTER_LABELS,
  ANNUAL_REVIEW_FILTERS,
  DEADLINE_FILTER_LABELS,
  DEADLINE_FILTERS,
} from '../../domain/caseList'
import { familyAccountStatus } from '../../domain/familyPortal'
import { REQUESTER_LABELS, REQUESTERS, YEAR_GROUPS } from '../../domain/caseIntake'
import { requireArea } from '../middleware/authentication'
import { renderPageOrFragment } from '../middleware/views'
import { HttpError } from '../errors'
import { fieldError, noErrors, type FormErrors } from '../validation'
import { parseIntakeForm } from './intakeForm'
import {
  EVIDENCE_FIELDS,
  EVIDENCE_SECTIONS,
  evidenceFormValues,
  parseEvidence,
  parseNoAdviceNeeded,
} from './evidenceFields'
import { FormErrorCollector } from '../formErrors'
import { milestoneFormValues, milestoneSectionsFor, parseMilestoneForm } from './milestoneForm'
import { deadlinePreview } from './deadlinePreview'
import { presentTimeline } from '../../services/caseTimeline'
import { exceptionStepsFor, parseExceptionForm } from './exceptionForm'
import { asksForSetting, parsePreferenceForm, preferenceFormValues } from './preferenceForm'
import { contactsFormValues, parseContactsForm } from './contactsForm'
import { endingFormLocals, endingFormValues, parseEndingForm } from './endingForm'
import { presentCasePage } from './casePagePresenter'
import { closureActionFor } from '../../domain/caseClosure'
import { APPEAL_ORDER_OPTIONS, APPEAL_ROUTE_OPTIONS, parseAppealForm } from './appealForm'

// A filter that does not parse is ignored rather than refused: these come from links and bookmarks.
const listQuery = z.object({
  scope: z.enum(['mine', 'all']).catch('mine'),
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  kind: z.enum(CASE_KINDS).optional().catch(undefined),
  deadline: z.enum(DEADLINE_FILTERS).optional().catch(undefined),
  review: z.enum(ANNUAL_REVIEW_FILTERS).optional().catch(undefined),
  panel: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
const caseId = z.uuid()

const deadlineFilters = DEADLINE_FILTERS.map((d) => ({ value: d, text: DEADLINE_FILTER_LABELS[d] }))
const reviewFilters = ANNUAL_REVIEW_FILTERS.map((r) => ({ value: r, text: ANNUAL_REVIEW_FILTER_LABELS[r] }))
const requesters = REQUESTERS.map((r) => ({ value: r, text: REQUESTER_LABELS[r] }))

/** The list's address for another page, keeping the filters. */
function pageLinkFor(filter: Record<string, string | number | undefined>) {
  return (page: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && key !== 'page') params.set(key, String(value))
    }
    params.set('page', String(page))
    return `/cases?${params.toString()}`
  }
}

/** Caseworkers open and look after cases; any caseworker may act on any case, as colleagues cover for each other. */
export function casesRouter(services: Services, clock: Clock): Router {
  const router = Router()
  const caseWork = requireArea('caseWork')

  async function renderIntake(
    req: Request,
    res: Response,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) {
    const caseworkers = await services.cases.listCaseworkers()
    const preview = deadlinePreview(values, clock.today(), await services.deadlines.bankHolidays())
    res.status(status).render('pages/cases/new', {
      values,
      errors,
      caseworkers,
      requesters,
      evidenceSources: EVIDENCE_SECTIONS,
      yearGroups: YEAR_GROUPS,
      preview,
    })
  }

  router.get('/', async (req, res) => {
    const filter = listQuery.parse(req.query)
    const list = await services.cases.listCases(req.user!, filter)
    renderPageOrFragment(
      req,
      res,
      { page: 'pages/cases/list', fragment: 'partials/cases/case-list-results' },
      {
        ...list,
        filter: { ...filter, scope: list.scope },
        pageLink: pageLinkFor(filter),
        deadlineFilters,
        reviewFilters,
      },
    )
  })

  router.get('/new', caseWork, async (req, res) => {
    await renderIntake(
      req,
      res,
      200,
      { caseworkerId: req.user!.id, contact1Language: 'English', contact1LetterFormat: 'standard' },
      noErrors(),
    )
  })

  // The intake form's live preview: the statutory deadlines for what has been typed so far.
  router.get('/new/deadlines', caseWork, async (req, res) => {
    res.render('partials/cases/deadline-preview', {
      preview: deadlinePreview(
        req.query as Record<string, unknown>,
        clock.today(),
        await services.deadlines.bankHolidays(),
      ),
    })
  })

  router.post('/new', caseWork, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const parsed = parseIntakeForm(body, clock.today())
    if (!parsed.ok) return renderIntake(req, res, 400, body, parsed.errors)
    const result = await services.cases.openCase(req.user!, parsed.value)
    if (!result.ok) {
      return renderIntake(req, res, 400, body, fieldError(result.field, result.message))
    }
    res.redirect(303, `/cases/${result.id}?opened=1`)
  })

  /** The case page, with a problem from a form on it when there is one. */
  async function renderCase(
    req: Request,
    res: Response,
    next: NextFunction,
    status = 200,
    errors = noErrors(),
  ) {
    const id = caseId.safeParse(req.params.id)
    const view = id.success ? await services.cases.caseView(id.data) : undefined
    if (!view) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, view.detail.id, 'case')
    const [invitations, familyViews] = await Promise.all([
      services.invitations.latestInvitations(view.detail.contacts.map((c) => c.id)),
      services.portal.familyViewsFor(view.detail.id),
    ])
    const accountStatus = new Map(
      view.detail.contacts.map((c) => [
        c.id,
        familyAccountStatus(c.hasPortalAccount, invitations.get(c.id), clock.now()),
      ]),
    )
    res.status(status).render('pages/cases/case', {
      page: presentCasePage({
        ...view,
        accountStatus,
        timeline: presentTimeline(view.timeline, view.caseworkers),
        hasMilestoneSections: milestoneSectionsFor(view.detail.kind).length > 0,
        hasExceptionSteps: exceptionStepsFor(view.detail.kind).length > 0,
        opened: req.query.opened === '1',
        changed: req.query.changed,
        errors,
        user: req.user!,
      }),
      familyViews,
      moves: takeMoves(req),
      errors,
    })
  }

  router.get('/:id', (req, res, next) => renderCase(req, res, next))

  letterRoutes(router, services, caseWork)
  familyAccessRoutes(router, services, caseWork)

  // The panel's minutes for this child only, for the caseworker to share with the family.
  router.get('/:id/minutes-extract.pdf', async (req, res) => {
    const caseId = z.uuid().safeParse(req.params.id)
    const extract = caseId.success ? await services.minutes.staffExtract(req.user!, caseId.data) : undefined
    if (!extract) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, caseId.data!, 'minutes_extract')
    await sendExtract(services, res, extract, extract.minutes.content.items[0]!.reference)
  })

  // Counted per caseworker: each invitation sends an e-mail, so a runaway script cannot flood families' inboxes.
  const invitationLimit = rateLimit({
    windowMs: 60 * 60_000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `invite:${req.user!.id}`,
    handler: (req, res, next) =>
      void renderCase(req, res, next, 429, {
        byField: {},
        summary: [
          { text: 'You have sent too many invitations in the last hour. Try again later.', href: '#family' },
        ],
      }),
  })

  router.post('/:id/contacts/:contactId/invite', caseWork, invitationLimit, async (req, res, next) => {
    const id = caseId.safeParse(req.params.id)
    const contactId = z.uuid().safeParse(req.params.contactId)
    if (!id.success || !contactId.success) throw new HttpError(404, 'not-found')
    const result = await services.invitations.invite(req.user!, id.data, contactId.data)
    if (result.ok) return res.redirect(303, `/cases/${id.data}?changed=invited#family`)
    assertFound(result)
    const field = `invite-${contactId.data}`
    await renderCase(req, res, next, 400, fieldError(field, result.message))
  })

  router.post('/:id/caseworker', caseWork, async (req, res, next) => {
    const id = caseId.safeParse(req.params.id)
    const form = z
      .object({
        caseworkerId: z.string({ error: 'Select the named caseworker from the list' }).default(''),
        version: z.coerce.number().int().min(1).catch(0),
      })
      .safeParse(req.body ?? {})
    if (!id.success) throw new HttpError(404, 'not-found')
    if (!form.success)
      return renderCase(req, res, next, 400, fieldError('caseworkerId', form.error.issues[0]!.message))
    const result = await services.cases.changeCaseworker(req.user!, id.data, form.data)
    if (result.ok) return res.redirect(303, `/cases/${id.data}?changed=caseworker`)
    assertFound(result)
    const field = result.reason === 'invalid' ? result.field : 'caseworkerId'
    await renderCase(req, res, next, result.reason === 'stale' ? 409 : 400, fieldError(field, result.message))
  })

  /**
   * A form that edits one part of a case: shown filled from what is stored, refused with its errors (the
   * input kept), or saved and followed to the case page. A save against a stale version is a 409.
   */
  interface CaseEditForm<T> {
    /** Posted to; shown at `showPath` when that differs (a new record's form is at …/new). */
    path: string
    showPath?: string
    view: string
    changed: string
    locals(detail: CaseDetail): Record<string, unknown>
    storedValues(detail: CaseDetail): Record<string, unknown>
    parse(
      body: Record<string, unknown>,
      detail: CaseDetail,
    ): { ok: true; value: T } | { ok: false; errors: FormErrors }
    save(user: User, caseId: string, value: T, version: number): Promise<EditResult>
  }

  function caseEditForm<T>(form: CaseEditForm<T>): void {
    const load = async (req: Request) => {
      const id = caseId.safeParse(req.params.id)
      return id.success ? services.cases.caseView(id.data) : undefined
    }
    const render = (
      res: Response,
      detail: CaseDetail,
      status: number,
      values: Record<string, unknown>,
      errors: FormErrors,
    ) => res.status(status).render(form.view, { detail, ...form.locals(detail), values, errors })

    router.get(`/:id/${form.showPath ?? form.path}`, caseWork, async (req, res) => {
      const view = await load(req)
      if (!view) throw new HttpError(404, 'not-found')
      render(
        res,
        view.detail,
        200,
        { version: String(view.detail.version), ...form.storedValues(view.detail) },
        noErrors(),
      )
    })

    router.post(`/:id/${form.path}`, caseWork, async (req, res) => {
      const view = await load(req)
      if (!view) throw new HttpError(404, 'not-found')
      const { detail } = view
      const body = (req.body ?? {}) as Record<string, unknown>
      const parsed = form.parse(body, detail)
      if (!parsed.ok) return render(res, detail, 400, body, parsed.errors)
      const version = z.coerce.number().int().min(1).catch(0).parse(body.version)
      const result = await form.save(req.user!, detail.id, parsed.value, version)
      if (result.ok) {
        keepMoves(req, result.moves)
        return res.redirect(303, `/cases/${detail.id}?changed=${form.changed}`)
      }
      const { status, errors } = formRefusal(result, { href: `/cases/${detail.id}` })
      render(res, detail, status, body, errors)
    })
  }

  caseEditForm({
    path: 'evidence',
    view: 'pages/cases/evidence',
    changed: 'evidence#evidence',
    locals: () => ({ evidenceSources: EVIDENCE_SECTIONS }),
    storedValues: (detail) => ({
      ...evidenceFormValues(detail.evidence),
      ...(detail.noAdviceNeededOn ? { noAdviceNeeded: 'yes' } : {}),
    }),
    parse: (body) => {
      const form = new FormErrorCollector(body, [...EVIDENCE_FIELDS, 'noAdviceNeeded'])
      const evidence = parseEvidence(form, clock.today())
      const noAdviceNeeded = parseNoAdviceNeeded(form, body, evidence)
      return form.empty
        ? { ok: true, value: { evidence, noAdviceNeeded } }
        : { ok: false, errors: form.errors() }
    },
    save: (user, id, value, version) => services.cases.updateEvidence(user, id, { ...value, version }),
  })

  caseEditForm({
    path: 'steps',
    view: 'pages/cases/milestones',
    changed: 'steps#deadlines',
    locals: (detail) => ({ sections: milestoneSectionsFor(detail.kind) }),
    storedValues: (detail) => milestoneFormValues(detail.milestones),
    parse: (body, detail) => parseMilestoneForm(body, detail.kind, clock.today()),
    save: (user, id, milestones, version) =>
      services.cases.updateMilestones(user, id, { milestones, version }),
  })

  caseEditForm({
    path: 'exceptions',
    showPath: 'exceptions/new',
    view: 'pages/cases/new-exception',
    changed: 'exception#exceptions',
    locals: (detail) => ({ steps: exceptionStepsFor(detail.kind) }),
    storedValues: () => ({}),
    parse: (body, detail) => parseExceptionForm(body, detail.kind, clock.today()),
    save: (user, id, exception, version) =>
      services.cases.recordException(user, id, { ...exception, version }),
  })

  caseEditForm({
    path: 'appeals',
    showPath: 'appeals/new',
    view: 'pages/cases/new-appeal',
    changed: 'appeal#deadlines',
    locals: () => ({ routes: APPEAL_ROUTE_OPTIONS, orders: APPEAL_ORDER_OPTIONS }),
    storedValues: () => ({}),
    parse: (body, detail) => parseAppealForm(body, detail.receivedOn, clock.today()),
    save: (user, id, appeal, version) => services.cases.recordAppeal(user, id, { appeal, version }),
  })

  caseEditForm({
    path: 'preference',
    view: 'pages/cases/preference',
    changed: 'preference#preference',
    locals: (detail) => ({ asksForSetting: asksForSetting(detail.kind) }),
    storedValues: (detail) => preferenceFormValues(detail),
    parse: (body, detail) => parsePreferenceForm(body, detail.kind),
    save: (user, id, preference, version) =>
      services.cases.updatePreference(user, id, { ...preference, version }),
  })

  caseEditForm({
    path: 'contacts',
    view: 'pages/cases/contacts',
    changed: 'contacts#family',
    locals: (detail) => ({ storedContacts: detail.contacts }),
    storedValues: (detail) => contactsFormValues(detail.contacts),
    parse: (body) => parseContactsForm(body),
    save: (user, id, contacts, version) => services.cases.updateContacts(user, id, { ...contacts, version }),
  })

  caseEditForm({
    path: 'end',
    view: 'pages/cases/end',
    changed: 'ended#case-status',
    locals: (detail) => ({ ending: endingFormLocals(detail.status) }),
    storedValues: () => endingFormValues(clock.today()),
    parse: (body, detail) =>
      parseEndingForm(body, {
        action: closureActionFor(detail.status),
        receivedOn: detail.receivedOn,
        today: clock.today(),
      }),
    save: (user, id, ending, version) => services.caseEndings.endCase(user, id, { ...ending, version }),
  })

  /** A button on the case page that posts only the case's version, then follows to the case page. */
  function caseButton(
    path: string,
    changed: string,
    act: (user: User, id: string, version: number) => Promise<EditResult>,
  ): void {
    router.post(`/:id/${path}`, caseWork, async (req, res, next) => {
      const id = caseId.safeParse(req.params.id)
      if (!id.success) throw new HttpError(404, 'not-found')
      const version = z.coerce
        .number()
        .int()
        .min(1)
        .catch(0)
        .parse((req.body as { version?: unknown })?.version)
      const result = await act(req.user!, id.data, version)
      if (result.ok) {
        keepMoves(req, result.moves)
        return res.redirect(303, `/cases/${id.data}?changed=${changed}`)
      }
      assertFound(result)
      // A button, not a form: whatever stopped it is said beside the case's status.
      await renderCase(
        req,
        res,
        next,
        result.reason === 'stale' ? 409 : 400,
        pageError(result.message, '#case-status'),
      )
    })
  }

  caseButton('reopen', 'reopened#case-status', (user, id, version) =>
    services.caseEndings.reopenCase(user, id, version),
  )
  caseButton('submit', 'submitted', (user, id, version) => services.cases.submitCase(user, id, version))

  return router
}
