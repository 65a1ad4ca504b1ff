import type { IsoDate } from './dates'
import { namesSetting, OUTCOMES_BY_KIND, SETTING_TYPES, type CaseKind } from './vocabulary'

/**
 * What a decision must say before it can be saved (docs/design.md, "What a decision must record"). A
 * placement that does not name the family's preferred school must rest on a ground the law allows,
 * and every decision that differs from what the family asked needs an explanation in plain words.
 */

/** Children and Families Act 2014: s.39(4) for a named school, s.33 for a family asking for mainstream. */
export const DISAGREEMENT_GROUNDS = [
  'unsuitable_for_child',
  'incompatible_with_education_of_others',
  'incompatible_with_use_of_resources',
  'mainstream_incompatible_no_reasonable_steps',
] as const
export type DisagreementGround = (typeof DISAGREEMENT_GROUNDS)[number]

export const DISAGREEMENT_GROUND_LABELS: Record<DisagreementGround, string> = {
  unsuitable_for_child:
    "The school is unsuitable for the child's age, ability, aptitude or special educational needs",
  incompatible_with_education_of_others:
    'The child going there would be incompatible with the efficient education of other children',
  incompatible_with_use_of_resources:
    'The child going there would be incompatible with the efficient use of resources',
  mainstream_incompatible_no_reasonable_steps:
    'Mainstream education would be incompatible with the efficient education of others, and no reasonable steps could prevent that',
}

export interface DecisionDraft {
  kind: CaseKind
  outcome: string
  reasons: readonly string[]
  matchesPreference: boolean
  /** For a placement: whether the family asked for a mainstream school. */
  familyAskedForMainstream: boolean | null
  disagreementGround: string | null
  disagreementExplanation: string
  deferral: { action: string; owner: string; dueOn: IsoDate | null } | null
  decidedOn: IsoDate
  /** The setting the decision names, for outcomes that name one (namesSetting). */
  namedSetting?: { name: string; type: string | null } | null
  /** The family's preferred setting, to catch "a different school" that is the one they asked for. */
  preferredSetting?: string | null
}

export interface DecisionProblem {
  field:
    | 'outcome'
    | 'reasons'
    | 'matchesPreference'
    | 'disagreementGround'
    | 'disagreementExplanation'
    | 'deferral'
    | 'namedSetting'
    | 'namedSettingType'
  message: string
}

export function groundsAllowed(familyAskedForMainstream: boolean | null): DisagreementGround[] {
  const named: DisagreementGround[] = [
    'unsuitable_for_child',
    'incompatible_with_education_of_others',
    'incompatible_with_use_of_resources',
  ]
  return familyAskedForMainstream ? [...named, 'mainstream_incompatible_no_reasonable_steps'] : named
}

export function decisionProblems(d: DecisionDraft): DecisionProblem[] {
  const problems: DecisionProblem[] = []
  const outcomes = OUTCOMES_BY_KIND[d.kind]
  if (!outcomes.includes(d.outcome)) problems.push({ field: 'outcome', message: 'Select the decision' })
  if (!d.reasons.some((r) => r.trim() !== '')) {
    problems.push({ field: 'reasons', message: 'Enter at least one reason for the decision, in plain words' })
  }
  if (d.kind === 'placement' && d.outcome === 'name_preference' && !d.matchesPreference) {
    problems.push({
      field: 'matchesPreference',
      message: 'Naming the family’s preferred school matches what they asked for',
    })
  }
  if (d.kind === 'placement' && d.outcome === 'name_different_setting' && d.matchesPreference) {
    problems.push({
      field: 'matchesPreference',
      message: 'Naming a different school does not match what the family asked for',
    })
  }
  if (namesSetting(d.kind, d.outcome)) {
    const named = d.namedSetting?.name.trim() ?? ''
    if (named === '')
      problems.push({
        field: 'namedSetting',
        message: 'Enter the name of the school or setting the plan will name',
      })
    else if (
      d.outcome === 'name_different_setting' &&
      d.preferredSetting &&
      named.toLowerCase() === d.preferredSetting.trim().toLowerCase()
    )
      problems.push({
        field: 'namedSetting',
        message:
          'This is the school the family asked for. Choose ‘Name the school the family asked for’ instead',
      })
    if (!d.namedSetting?.type || !(SETTING_TYPES as readonly string[]).includes(d.namedSetting.type))
      problems.push({ field: 'namedSettingType', message: 'Select the kind of school or setting' })
  }
  if (!d.matchesPreference) {
    // Naming a setting other than the family's preference, by placement or at a phase transfer, must
    // rest on a ground the law allows (s.39(4), or s.33 where they asked for mainstream).
    if ((d.kind === 'placement' && d.outcome !== 'defer') || namesSetting(d.kind, d.outcome)) {
      const allowed: string[] = groundsAllowed(d.familyAskedForMainstream)
      if (!d.disagreementGround || !allowed.includes(d.disagreementGround)) {
        problems.push({
          field: 'disagreementGround',
          message: 'Select the ground the law allows for not naming the family’s preferred school',
        })
      }
    }
    if (d.disagreementExplanation.trim() === '') {
      problems.push({
        field: 'disagreementExplanation',
        message: 'Explain, in words the family can follow, why the decision differs from what they asked for',
      })
    }
  }
  if (d.outcome === 'defer') {
    const deferral = d.deferral
    if (!deferral || deferral.action.trim() === '' || deferral.owner.trim() === '' || !deferral.dueOn) {
      problems.push({ field: 'deferral', message: 'Enter what is needed, who will do it and by when' })
    } else if (deferral.dueOn <= d.decidedOn) {
      problems.push({ field: 'deferral', message: 'The date for the action must be after the sitting' })
    }
  }
  return problems
}
