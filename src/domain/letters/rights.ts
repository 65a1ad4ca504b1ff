import { RIGHTS, type LetterModel, type Right } from './types'

/** What a family loses when a letter leaves a right out, said so the admin knows what to fill in. */
const MISSING: Record<Right, string> = {
  appeal:
    'The letter does not say how to appeal to the tribunal. Add the tribunal’s web address in the letter settings.',
  mediation:
    'The letter does not say how to arrange mediation. Add the mediation service’s name, phone and email in the letter settings.',
  disagreement_resolution:
    'The letter does not offer disagreement resolution. Add its name, phone and email in the letter settings.',
  information_advice:
    'The letter does not give the information, advice and support service. Add its name, phone and email in the letter settings.',
}

/**
 * Why a letter cannot be issued: every right a family has must be in it, with how to use it. The
 * tribunal can let a family appeal late when a letter left a right out, and families lose months.
 */
export function issueProblems(letter: LetterModel): string[] {
  return RIGHTS.filter((right) => !letter.rightsGiven.includes(right)).map((right) => MISSING[right])
}
