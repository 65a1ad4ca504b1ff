import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { renderPageOrFragment } from '../middleware/views'

function idParam(req: Request, name: string): string {
  const parsed = z.uuid().safeParse(req.params[name])
  if (!parsed.success) throw new HttpError(404, 'not-found')
  return parsed.data
}

/** Sittings whose letters are issued, and one PDF of them per sitting, its progress shown as it builds. */
export function postRoomRouter(services: Services): Router {
  const router = Router()

  router.get('/', async (_req, res) => {
    res.render('pages/post-room/index', { sittings: await services.postRoom.sittingsWithLetters() })
  })

  router.post('/sittings/:id/batches', async (req, res) => {
    const started = await services.postRoom.start(req.user!, idParam(req, 'id'))
    if (started && 'refused' in started) {
      // Nothing is posted: the page says which letters no longer match what was issued.
      res.status(409)
      return res.render('pages/post-room/index', {
        sittings: await services.postRoom.sittingsWithLetters(),
        refused: started.refused,
      })
    }
    if (!started?.batchId) throw new HttpError(404, 'not-found')
    res.redirect(303, `/post-room/batches/${started.batchId}`)
  })

  // Before the page's route, which would otherwise take "<id>.pdf" for an id.
  router.get('/batches/:batchId.pdf', async (req, res) => {
    const pdf = await services.postRoom.pdf(idParam(req, 'batchId'))
    if (!pdf) throw new HttpError(404, 'not-found')
    res.type('application/pdf')
    res.set('Content-Disposition', 'inline; filename="letters-for-posting.pdf"')
    res.send(pdf)
  })

  router.get('/batches/:batchId', async (req, res) => {
    const batch = await services.postRoom.batch(idParam(req, 'batchId'))
    if (!batch) throw new HttpError(404, 'not-found')
    renderPageOrFragment(
      req,
      res,
      { page: 'pages/post-room/batch', fragment: 'partials/post-room/progress' },
      { batch },
    )
  })

  return router
}
