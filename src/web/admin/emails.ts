import { Router } from 'express'
import type { EmailStatus, OutboxEmail } from '../../services/records'
import { EMAIL_MAX_ATTEMPTS } from '../../domain/emailBackoff'
import type { Services } from '../../services'

const SHOWN = 100

const STATUSES: Record<EmailStatus, { label: string; tagClass: string }> = {
  pending: { label: 'Waiting', tagClass: 'govuk-tag--blue' },
  sent: { label: 'Sent', tagClass: 'govuk-tag--green' },
  failed: { label: 'Failed', tagClass: 'govuk-tag--red' },
}

function present(email: OutboxEmail) {
  return { ...email, statusLabel: STATUSES[email.status].label, statusTag: STATUSES[email.status].tagClass }
}

/** Administrators: the e-mail outbox, so that e-mails stuck behind a mail server that is down are noticed. */
export function emailsRouter(services: Services): Router {
  const router = Router()
  router.get('/emails', async (_req, res) => {
    const emails = await services.emailDelivery.outbox(SHOWN)
    res.render('pages/admin/emails', {
      emails: emails.map(present),
      limit: SHOWN,
      maxAttempts: EMAIL_MAX_ATTEMPTS,
      smtpServer: services.emailDelivery.smtpServer(),
    })
  })
  return router
}
