import type { CaseKind } from './vocabulary'

/**
 * The e-mails families get. Each says what changed, in plain words, and where to read more; none
 * carries a letter, a decision or anything about the child's needs, because e-mail is not a safe
 * place for them. Only the child's first name is used.
 */
export interface Email {
  subject: string
  body: string
}

const WHAT_IT_IS_ABOUT: Record<CaseKind, string> = {
  assessment_request: 'the request for an assessment',
  issue_plan: 'whether to write a plan',
  placement: 'the school or setting',
  annual_review: 'the annual review of the plan',
  phase_transfer: 'the move to the next school',
  alternative_provision: 'the request for extra support',
}

function signOff(councilName: string): string {
  return `\n\nThis e-mail was sent by ${councilName}. Please do not reply to it: contact your caseworker instead.`
}

/** A decision letter was issued: the family can read it in their account. */
export function letterIssuedEmail(e: {
  childFirstName: string
  kind: CaseKind
  portalUrl: string
  caseworkerName: string
  councilName: string
  isApology: boolean
}): Email {
  const what = e.isApology
    ? `We have written to you about a delay with ${e.childFirstName}'s case.`
    : `We have written to you with our decision about ${WHAT_IT_IS_ABOUT[e.kind]} for ${e.childFirstName}.`
  return {
    subject: e.isApology
      ? `A letter about a delay in ${e.childFirstName}'s case`
      : `Our decision letter about ${e.childFirstName}`,
    body:
      `${what}\n\nYou can read the letter by signing in to your account:\n${e.portalUrl}\n\n` +
      `If you have questions, please contact your caseworker, ${e.caseworkerName}.` +
      signOff(e.councilName),
  }
}
