import type { AppealTiming } from '../rightsOfAppeal'
import type { LetterModel, Right } from './types'

/**
 * The rights a letter must give for its decision (Children and Families Act 2014 s.51, with the
 * notices the SEND Regulations 2014 require alongside: regs 5(3), 10, 14, 20(10), 22, 31(3)).
 * Mediation comes with an appeal from the letter (s.55: a certificate is needed before appealing);
 * disagreement resolution (s.57, reg 54) wherever there is a disagreement about the plan or its
 * assessment; where no appeal lies, the council's complaints route says where else to turn.
 */
export const RIGHTS_BY_TIMING: Record<AppealTiming, readonly Right[]> = {
  now: ['information_advice', 'disagreement_resolution', 'mediation', 'appeal'],
  later: ['information_advice', 'disagreement_resolution', 'appeal_later'],
  none: ['information_advice', 'complaints'],
}

/** What a family loses when a letter leaves a right out, said so the admin knows what to fill in. */
const MISSING: Record<Right, string> = {
  appeal:
    'The letter does not say how to appeal to the tribunal. Add the tribunal’s web address in the letter settings.',
  appeal_later:
    'The letter does not say how the family can appeal when the plan is sent. Add the tribunal’s web address in the letter settings.',
  mediation:
    'The letter does not say how to arrange mediation. Add the mediation service’s name, phone and email in the letter settings.',
  disagreement_resolution:
    'The letter does not offer disagreement resolution. Add its name, phone and email in the letter settings.',
  information_advice:
    'The letter does not give the information, advice and support service. Add its name, phone and email in the letter settings.',
  complaints:
    'The letter does not say how to complain. Add the web address of the council’s complaints page in the letter settings.',
}

/**
 * Why a letter cannot be issued: every right its decision carries must be in it, with how to use it.
 * The tribunal can let a family appeal late when a letter left a right out, and families lose months.
 */
export function issueProblems(letter: Pick<LetterModel, 'rightsGiven' | 'rightsRequired'>): string[] {
  return letter.rightsRequired.filter((right) => !letter.rightsGiven.includes(right)).map((r) => MISSING[r])
}
