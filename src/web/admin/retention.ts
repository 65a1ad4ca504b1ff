import { Router } from 'express'
import type { Services } from '../../services'
import type { RetentionOverview } from '../../services/retention'
import { formatDate, formatDateTime } from '../../domain/dates'
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, type CaseKind, type CaseStatus } from '../../domain/vocabulary'

/** What the retention page shows, worded for the admin: the template only loops over it. */
export function retentionPage(o: RetentionOverview) {
  const kind = (k: string) => CASE_KIND_LABELS[k as CaseKind] ?? k
  return {
    yearsAfter25: o.yearsAfter25,
    ruleText:
      o.yearsAfter25 === 0
        ? 'A closed case is kept until the child’s 25th birthday.'
        : `A closed case is kept until the child’s 25th birthday, and then for ${o.yearsAfter25} more year${o.yearsAfter25 === 1 ? '' : 's'}.`,
    today: formatDate(o.today),
    due: o.due.map((d) => ({
      reference: d.reference,
      initials: d.initials,
      kind: kind(d.kind),
      status: CASE_STATUS_LABELS[d.status as CaseStatus] ?? d.status,
      closedOn: formatDate(d.closedOn),
      retentionEndsOn: formatDate(d.retentionEndsOn),
    })),
    runs: o.runs.map((r) => ({
      startedAt: formatDateTime(r.startedAt),
      finished: r.finishedAt !== null,
      years: r.yearsAfter25,
      removed: r.casesRemoved,
      failed: r.casesFailed,
    })),
    totals: o.totals.map((t) => ({ closedYear: t.closedYear, kind: kind(t.kind), removed: t.removed })),
    totalRemoved: o.totalRemoved,
  }
}

/** Retention (issue 17 point 4): the setting, what the next run would remove, and what past runs removed. */
export function retentionRouter(services: Services): Router {
  const router = Router()
  router.get('/retention', async (_req, res) => {
    res.render('pages/admin/retention', retentionPage(await services.retention.overview()))
  })
  return router
}
