import { Router, type Response } from 'express'
import type { Services } from '../../services'
import { toCsv } from '../../domain/csv'
import { noErrors, type FormErrors } from '../validation'
import { readPeriod } from './period'
import { preferenceRouter } from './preferenceRouter'
import { summerRouter } from './summerRouter'
import { sen2ReportsRouter } from './sen2Router'

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
  router.use(preferenceRouter(services))
  router.use(summerRouter(services))
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
