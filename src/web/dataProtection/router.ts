import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { ReadLogFilter } from '../../services/records'
import type { SubjectSearch } from '../../services/records'
import { canUse } from '../../domain/permissions'
import { ROLE_LABELS, type Role } from '../../domain/vocabulary'
import type { Services } from '../../services'
import { parseDateField } from '../dateFields'
import { HttpError } from '../errors'
import { requireArea } from '../middleware/authentication'
import { fieldError, noErrors, typedText, type FormErrors } from '../validation'

const searchShape = z.object({
  name: typedText('The name')
    .pipe(z.string().trim().max(200, 'The name must be 200 characters or fewer'))
    .optional(),
  reference: typedText('The case reference')
    .pipe(z.string().trim().max(50, 'The case reference must be 50 characters or fewer'))
    .optional(),
})

type SearchParse = { ok: true; search: SubjectSearch | undefined } | { ok: false; errors: FormErrors }

/** The search from the query string; undefined before the first search. */
function parseSearch(query: Record<string, unknown>): SearchParse {
  if (query.search !== '1') return { ok: true, search: undefined }
  const parsed = searchShape.safeParse({
    name: typeof query.name === 'string' ? query.name : undefined,
    reference: typeof query.reference === 'string' ? query.reference : undefined,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return { ok: false, errors: fieldError(String(issue.path[0]), issue.message) }
  }
  const dob = parseDateField(query, 'dateOfBirth', { label: 'Date of birth', required: false })
  if (!dob.ok) return { ok: false, errors: fieldError('dateOfBirth', dob.error, ['dateOfBirth']) }
  const search: SubjectSearch = {
    name: parsed.data.name || undefined,
    reference: parsed.data.reference || undefined,
    dateOfBirth: dob.value,
  }
  if (!search.name && !search.reference && !search.dateOfBirth)
    return { ok: false, errors: fieldError('name', 'Enter a name, a date of birth or a case reference') }
  return { ok: true, search }
}

function childIdFrom(req: Request): string {
  const id = z.uuid().safeParse(req.params.childId)
  if (!id.success) throw new HttpError(404, 'not-found')
  return id.data
}

type FilterParse = { ok: true; filter: ReadLogFilter } | { ok: false; errors: FormErrors }

const optionalUuid = z.uuid().optional().catch(undefined)

function parseFilter(query: Record<string, unknown>): FilterParse {
  const filter: ReadLogFilter = {
    childId: optionalUuid.parse(query.childId || undefined),
    userId: optionalUuid.parse(query.userId || undefined),
  }
  for (const [field, label] of [
    ['from', 'The first date'],
    ['to', 'The last date'],
  ] as const) {
    const date = parseDateField(query, field, { label, required: false })
    if (!date.ok) return { ok: false, errors: fieldError(field, date.error, [field]) }
    filter[field] = date.value
  }
  if (filter.from && filter.to && filter.from > filter.to)
    return {
      ok: false,
      errors: fieldError('to', 'The last date must be the same as or after the first date', ['to']),
    }
  return { ok: true, filter }
}

/** The filter as a query string, for the pages' links and the CSV download. */
function filterQuery(query: Record<string, unknown>, page?: number): string {
  const keep = ['childId', 'userId', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year']
  const params = new URLSearchParams()
  for (const key of keep) {
    const value = query[key]
    if (typeof value === 'string' && value !== '') params.set(key, value)
  }
  if (page !== undefined) params.set('page', String(page))
  return params.toString()
}

const stringValues = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string')) as Record<string, string>

/**
 * The data protection officer's pages (issue 17, points 5 and 6): subject access for the officer and
 * admins, the log of who looked for the officer alone (permissions.ts says why).
 */
export function dataProtectionRouter(services: Services): Router {
  const router = Router()
  const subjectAccess = requireArea('subjectAccess')
  const readLog = requireArea('readLog')

  router.get('/', subjectAccess, async (req, res) => {
    const query = req.query as Record<string, unknown>
    const parsed = parseSearch(query)
    const results =
      parsed.ok && parsed.search ? await services.subjectAccess.search(parsed.search) : undefined
    res.status(parsed.ok ? 200 : 400).render('pages/dataProtection/search', {
      values: stringValues(query),
      errors: parsed.ok ? noErrors() : parsed.errors,
      results,
    })
  })

  router.get('/children/:childId', subjectAccess, async (req, res) => {
    const child = await services.subjectAccess.child(childIdFrom(req))
    if (!child) throw new HttpError(404, 'not-found')
    res.render('pages/dataProtection/child', {
      child,
      altered: undefined,
      canSeeReads: canUse(req.user!.role, 'readLog'),
    })
  })

  router.post('/children/:childId/export', subjectAccess, async (req, res) => {
    const childId = childIdFrom(req)
    const result = await services.subjectAccess.export(req.user!, childId)
    if (!result) throw new HttpError(404, 'not-found')
    if (!result.ok) {
      const child = await services.subjectAccess.child(childId)
      return res.status(409).render('pages/dataProtection/child', {
        child,
        altered: result.altered,
        canSeeReads: canUse(req.user!.role, 'readLog'),
      })
    }
    res.type('application/zip')
    res.set('Content-Disposition', `attachment; filename="${result.fileName}"`)
    res.send(result.zip)
  })

  router.get('/reads', readLog, async (req: Request, res: Response) => {
    const query = req.query as Record<string, unknown>
    const parsed = parseFilter(query)
    const pageAsked = z.coerce
      .number()
      .int()
      .min(1)
      .catch(1)
      .parse(query.page ?? 1)
    const log = await services.readLog.page(parsed.ok ? parsed.filter : {}, parsed.ok ? pageAsked : 1)
    const child =
      parsed.ok && parsed.filter.childId
        ? await services.subjectAccess.child(parsed.filter.childId)
        : undefined
    res.status(parsed.ok ? 200 : 400).render('pages/dataProtection/reads', {
      ...log,
      child,
      readerOptions: [
        { value: '', text: 'Anyone' },
        ...log.readers.map((r) => ({
          value: r.id,
          text: `${r.fullName} (${ROLE_LABELS[r.role as Role] ?? r.role})`,
        })),
      ],
      values: stringValues(query),
      errors: parsed.ok ? noErrors() : parsed.errors,
      csvHref: `/data-protection/reads.csv?${filterQuery(query)}`,
      previousHref: log.page > 1 ? `/data-protection/reads?${filterQuery(query, log.page - 1)}` : undefined,
      nextHref:
        log.page < log.pages ? `/data-protection/reads?${filterQuery(query, log.page + 1)}` : undefined,
    })
  })

  router.get('/reads.csv', readLog, async (req, res) => {
    const parsed = parseFilter(req.query as Record<string, unknown>)
    if (!parsed.ok) throw new HttpError(400, 'bad-request')
    res.type('text/csv; charset=utf-8')
    res.set('Content-Disposition', 'attachment; filename="who-looked.csv"')
    res.send(await services.readLog.csv(parsed.filter))
  })

  return router
}
