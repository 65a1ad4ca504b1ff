import { Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { isIsoDate } from '../../domain/dates'
import { toCsv } from '../../domain/csv'

const isoDate = z.string().refine(isIsoDate, { error: 'Enter a real date as yyyy-mm-dd' })
const periodQuery = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, {
  error: 'The end of the period must be on or after its start',
  path: ['to'],
})

/** Managers: the whole service's workload and timeliness. */
export function reportsRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    const [overview, timeliness] = await Promise.all([
      services.home.managerOverview(),
      services.reports.timeliness(),
    ])
    res.render('pages/reports/overview', { overview, timeliness })
  })
  router.get('/workload', async (_req, res) => {
    res.render('pages/reports/workload', { workload: await services.reports.workload() })
  })
  router.get('/timeliness.csv', async (req, res) => {
    const period = periodQuery.safeParse(req.query)
    if (!period.success) {
      res
        .status(400)
        .type('text/plain')
        .send(period.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'))
      return
    }
    const { months } = await services.reports.timelinessByMonth(period.data)
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
    res
      .type('text/csv; charset=utf-8')
      .attachment(`timeliness-${period.data.from}-to-${period.data.to}.csv`)
      .send(csv)
  })
  return router
}
