import { Router, type Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { isIsoDate, type IsoDate } from '../../domain/dates'
import { toCsv } from '../../domain/csv'
import { FormErrorCollector } from '../formErrors'
import { noErrors, type FormErrors } from '../validation'
import { sen2ReportsRouter } from './sen2Router'

const isoDate = z.string().refine(isIsoDate, { error: 'Enter a real date as yyyy-mm-dd' })
const periodQuery = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, {
  error: 'The end of the period must be on or after its start',
  path: ['to'],
})

type Period = { ok: true; from: IsoDate; to: IsoDate } | { ok: false; errors: FormErrors }

/**
 * The download's period: the overview's form sends two GOV.UK date inputs (`from-day`…); a link or a
 * script may give `from` and `to` as yyyy-mm-dd instead. Problems are reported by the field.
 */
function readPeriod(query: Record<string, unknown>): Period {
  const collector = new FormErrorCollector(query, ['from', 'to'])
  if (typeof query.from === 'string' || typeof query.to === 'string') {
    const parsed = periodQuery.safeParse(query)
    if (parsed.success) return { ok: true, ...parsed.data }
    collector.addZod(parsed.error)
    return { ok: false, errors: collector.errors() }
  }
  const from = collector.date('from', 'The start of the period', { required: true })
  const to = collector.date('to', 'The end of the period', { required: true })
  if (from && to && from > to) collector.add('to', 'The end of the period must be on or after its start')
  return from && to && collector.empty ? { ok: true, from, to } : { ok: false, errors: collector.errors() }
}

/** Managers: the whole service's workload and timeliness. */
export function reportsRouter(services: Services): Router {
  const router = Router()
  async function renderOverview(res: Response, errors: FormErrors, values: Record<string, unknown>) {
    const [overview, timeliness] = await Promise.all([
      services.home.managerOverview(),
      services.reports.timeliness(),
    ])
    res.render('pages/reports/overview', { overview, timeliness, errors, values })
  }
  router.get('/', async (_req, res) => {
    await renderOverview(res, noErrors(), {})
  })
  router.use('/sen2', sen2ReportsRouter(services))
  router.get('/workload', async (_req, res) => {
    res.render('pages/reports/workload', { workload: await services.reports.workload() })
  })
  router.get('/timeliness.csv', async (req, res) => {
    const query = req.query as Record<string, unknown>
    const period = readPeriod(query)
    if (!period.ok) {
      res.status(400)
      await renderOverview(res, period.errors, query)
      return
    }
    const { months } = await services.reports.timelinessByMonth({ from: period.from, to: period.to })
    const csv = toCsv(
      [
        'Month',
        'Step',
        'Due',
        'Done in time',
        'Done late',
        'Still open past the due date',
        'Late with an exception',
        'In time without exceptions (%)',
        'In time with exceptions (%)',
      ],
      months.flatMap((m) =>
        m.rows.map((r) => [
          m.month,
          r.label,
          r.due,
          r.doneInTime,
          r.doneLate,
          r.openPastDue,
          r.lateWithException,
          r.percentWithoutExceptions,
          r.percentWithExceptions,
        ]),
      ),
    )
    res.type('text/csv; charset=utf-8').attachment(`timeliness-${period.from}-to-${period.to}.csv`).send(csv)
  })
  return router
}
