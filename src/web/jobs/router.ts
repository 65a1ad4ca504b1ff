import { Router } from 'express'
import type { JobOutcome, JobRun } from '../../services/records'
import type { Services } from '../../services'

const RECENT_RUNS = 100

const OUTCOMES: Record<JobOutcome, { label: string; tagClass: string }> = {
  running: { label: 'Running', tagClass: 'govuk-tag--blue' },
  succeeded: { label: 'Succeeded', tagClass: 'govuk-tag--green' },
  failed: { label: 'Failed', tagClass: 'govuk-tag--red' },
  skipped: { label: 'Skipped', tagClass: 'govuk-tag--grey' },
}

/** "placedCases: 3" reads as "placed cases 3". Sorted, because jsonb keeps no key order. */
function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()} ${value}`)
    .join(', ')
}

function present(run: JobRun) {
  return {
    ...run,
    outcomeLabel: OUTCOMES[run.outcome].label,
    outcomeTag: OUTCOMES[run.outcome].tagClass,
    countsText: countsText(run.counts),
  }
}

/** Administrators: what the scheduled jobs did, so that a job that stopped working is noticed. */
export function jobsRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    const runs = await services.jobRuns.recent(RECENT_RUNS)
    res.render('pages/jobs/runs', { runs: runs.map(present), limit: RECENT_RUNS })
  })
  return router
}
