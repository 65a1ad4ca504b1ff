import { Router, type Request, type Response } from 'express'
import type { Services } from '../../services'
import { fieldError, formErrors, noErrors, type FormErrors } from '../validation'
import { changePasswordForm } from './passwordForms'

/** The signed-in person's own account: changing their password. Open to every role, families too. */
export function accountRouter(services: Services): Router {
  const router = Router()

  function render(req: Request, res: Response, status: number, errors: FormErrors, done = false) {
    res.status(status).render('pages/account/change-password', { errors, done })
  }

  router.get('/password', (req, res) => render(req, res, 200, noErrors(), req.query.done === 'changed'))

  router.post('/password', async (req, res) => {
    const form = changePasswordForm.safeParse(req.body ?? {})
    if (!form.success) return render(req, res, 400, formErrors(form.error))
    const result = await services.accountPasswords.change(req.user!, req.sessionID, form.data)
    if (!result.ok) return render(req, res, 400, fieldError(result.field, result.message))
    res.redirect(303, '/account/password?done=changed')
  })

  return router
}
