import type { Transaction } from '../data/db'
import type { CaseDetail } from '../data/caseDetail'
import { enqueueEmail } from '../data/emailOutbox'
import { familyAccountsForCase } from '../data/families'
import { letterIssuedEmail, privacyNoticeUrl } from '../domain/emails'

/**
 * Queues an e-mail to each of the family's portal accounts that a letter is ready, in the transaction
 * that issued it: if the letter is not stored, no one is told about it.
 */
export async function tellFamilyLetterIsReady(
  trx: Transaction,
  detail: CaseDetail,
  letter: { councilName: string; isApology: boolean },
  portalUrl: string,
): Promise<number> {
  const email = letterIssuedEmail({
    childFirstName: detail.child.firstName,
    kind: detail.kind,
    portalUrl,
    caseworkerName: detail.caseworker.fullName,
    councilName: letter.councilName,
    isApology: letter.isApology,
    privacyUrl: privacyNoticeUrl(portalUrl),
  })
  const accounts = await familyAccountsForCase(trx, detail.id)
  for (const { email: to } of accounts)
    await enqueueEmail(trx, { to, ...email, event: 'letter_issued', caseId: detail.id })
  return accounts.length
}
