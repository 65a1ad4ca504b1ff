import type { CaseKind } from './vocabulary'

/**
 * Which right of appeal to the First-tier Tribunal (SEND) a decision carries, from the law, so that a
 * letter offers every right the family has and none it has not.
 *
 * - `now`: the appeal runs from this letter (Children and Families Act 2014 s.51(2); the tribunal's
 *   2 months run from the letter, HESC Rules 2008 r.12). Mediation must be considered first (s.55).
 * - `later`: there is no appeal against this decision itself, but the family can appeal against the
 *   plan it leads to once the final or amended plan is sent (s.51(2)(c); SEND Regulations 2014
 *   reg 14(2) for a new plan, reg 22(3) for an amended one): the school named, the special educational
 *   provision and the description of needs.
 * - `none`: no appeal to the tribunal lies; the family can still disagree through the caseworker, the
 *   information, advice and support service, disagreement resolution and the complaints route.
 */
export type AppealTiming = 'now' | 'later' | 'none'

export interface AppealRight {
  timing: AppealTiming
  /**
   * What the appeal is about, in words a family can follow; only for `now` and `later`. For `later`
   * "it" is the plan: the description of needs, the special educational provision and the school named.
   */
  about: string | null
  /** The law that gives (or does not give) the right, for the fact sheet and for a reviewer. */
  basis: string
}

const NO_APPEAL_DEFERRAL: AppealRight = {
  timing: 'none',
  about: null,
  basis:
    'Children and Families Act 2014 s.51(2) gives no appeal against a deferral, which decides nothing yet; the decision that follows carries its own rights.',
}

const PLAN_LATER: AppealRight = {
  timing: 'later',
  about: 'the needs it describes, the help it sets out, or the school it names',
  basis: 'Children and Families Act 2014 s.51(2)(c), from the final plan (SEND Regulations 2014 reg 14(2))',
}

const AMENDED_PLAN_LATER: AppealRight = {
  timing: 'later',
  about: 'the needs it describes, the help it sets out, or the school it names',
  basis: 'Children and Families Act 2014 s.51(2)(c), from the amended plan (SEND Regulations 2014 reg 22(3))',
}

/**
 * Every kind and outcome a panel can decide. Where the law is not settled it says so:
 * - Alternative provision and top-up funding are not decisions under Part 3 of the Act, so s.51 gives
 *   no appeal. Where the provision is written into a plan, the family can appeal the plan's contents
 *   when it is next amended; the letter does not promise that, because it depends on the plan.
 * - Keeping a plan as it is after a phase-transfer review is a decision not to amend it (s.51(2)(e)),
 *   even though the move usually needs the school named (reg 18); the table treats it as such.
 */
export const APPEAL_RIGHTS: Record<CaseKind, Record<string, AppealRight>> = {
  assessment_request: {
    agree_to_assess: {
      timing: 'none',
      about: null,
      basis:
        'Children and Families Act 2014 s.51(2)(a) gives an appeal only against a refusal to assess (SEND Regulations 2014 reg 5(3)); an agreement gives the family what they asked for.',
    },
    refuse_to_assess: {
      timing: 'now',
      about: 'our decision not to carry out an assessment',
      basis: 'Children and Families Act 2014 s.51(2)(a); SEND Regulations 2014 reg 5(3)',
    },
    defer: NO_APPEAL_DEFERRAL,
  },
  issue_plan: {
    issue_plan: PLAN_LATER,
    do_not_issue_plan: {
      timing: 'now',
      about: 'our decision not to write a plan',
      basis: 'Children and Families Act 2014 s.51(2)(b); SEND Regulations 2014 reg 10',
    },
    defer: NO_APPEAL_DEFERRAL,
  },
  placement: {
    name_preference: AMENDED_PLAN_LATER,
    name_different_setting: {
      timing: 'later',
      about: 'the school it names, the help it sets out, or the needs it describes',
      basis:
        'Children and Families Act 2014 s.51(2)(c)(i), from the final or amended plan naming the school (SEND Regulations 2014 regs 14(2) and 22(3))',
    },
    defer: NO_APPEAL_DEFERRAL,
  },
  annual_review: {
    maintain: {
      timing: 'now',
      about: 'our decision not to change the plan',
      basis:
        'Children and Families Act 2014 s.51(2)(e); SEND Regulations 2014 reg 20(10); SEND Code of Practice (2015) 9.176',
    },
    amend: AMENDED_PLAN_LATER,
    cease: {
      timing: 'now',
      about: 'our decision to stop the plan',
      basis: 'Children and Families Act 2014 s.51(2)(f); SEND Regulations 2014 reg 31(3)',
    },
    defer: NO_APPEAL_DEFERRAL,
  },
  phase_transfer: {
    maintain: {
      timing: 'now',
      about: 'our decision not to change the plan',
      basis:
        'Children and Families Act 2014 s.51(2)(e); SEND Regulations 2014 regs 18 and 20(10); SEND Code of Practice (2015) 9.176',
    },
    amend: AMENDED_PLAN_LATER,
    cease: {
      timing: 'now',
      about: 'our decision to stop the plan',
      basis: 'Children and Families Act 2014 s.51(2)(f); SEND Regulations 2014 reg 31(3)',
    },
    defer: NO_APPEAL_DEFERRAL,
  },
  alternative_provision: {
    agree: {
      timing: 'none',
      about: null,
      basis: 'Not a decision under Part 3 of the Children and Families Act 2014, so s.51 gives no appeal.',
    },
    refuse: {
      timing: 'none',
      about: null,
      basis: 'Not a decision under Part 3 of the Children and Families Act 2014, so s.51 gives no appeal.',
    },
    agree_different_level: {
      timing: 'none',
      about: null,
      basis: 'Not a decision under Part 3 of the Children and Families Act 2014, so s.51 gives no appeal.',
    },
  },
}

/** The right a decision carries; undefined for a pair the panel cannot decide, which must never be issued. */
export function appealRightFor(kind: CaseKind, outcome: string): AppealRight | undefined {
  return APPEAL_RIGHTS[kind]?.[outcome]
}
