import { privacyLine, type Email } from './emails'
import { formatLongDate, type IsoDate } from './dates'

/**
 * The invitation to a family's account. It names the child by first name only and carries the link,
 * which works once and until its expiry date; nothing about the case itself.
 */
export function invitationEmail(e: {
  contactName: string
  childFirstName: string
  isYoungPerson: boolean
  link: string
  expiresOn: IsoDate
  caseworkerName: string
  councilName: string
  privacyUrl: string
}): Email {
  const about = e.isYoungPerson ? 'your case' : `${e.childFirstName}'s case`
  return {
    subject: e.isYoungPerson
      ? 'Set up your account to follow your case'
      : `Set up your account to follow ${e.childFirstName}'s case`,
    body:
      `Dear ${e.contactName},\n\n` +
      `${e.caseworkerName} has invited you to an online account for ${about} with the SEND team. ` +
      'In your account you can see where the case is, read our letters and send your views to the panel.\n\n' +
      `To set a password, open this link by ${formatLongDate(e.expiresOn)}:\n${e.link}\n\n` +
      'The link works once. If it has stopped working, ask your caseworker to send a new one.\n\n' +
      `If you were not expecting this e-mail, you can ignore it.\n\nThis e-mail was sent by ${e.councilName}. ` +
      'Please do not reply to it: contact your caseworker instead.' +
      privacyLine(e.privacyUrl),
  }
}
