import type { CaseKind } from '../../domain/vocabulary'

type Outcome =
  | 'agree_to_assess'
  | 'refuse_to_assess'
  | 'issue_plan'
  | 'do_not_issue_plan'
  | 'name_preference'
  | 'name_different_setting'
  | 'maintain'
  | 'amend'
  | 'cease'
  | 'agree'
  | 'refuse'
  | 'agree_different_level'
  | 'defer'

/** Children and Families Act 2014, s.39(4) and s.33: the only lawful reasons not to name the family's school. */
type DisagreementGround =
  | 'unsuitable_for_child'
  | 'incompatible_with_education_of_others'
  | 'incompatible_with_use_of_resources'
  | 'mainstream_incompatible_no_reasonable_steps'

export interface DecisionWording {
  outcome: Outcome
  reasons: string
  /** Null for a deferral, which decides nothing yet. */
  matchesPreference: boolean | null
  disagreementGround?: DisagreementGround
  disagreementExplanation?: string
  conditions?: string
  deferral?: { action: string; owner: string; dueInDays: number }
  namedSetting?: { name: string; type: 'mainstream' | 'special' | 'independent' | 'post16' | 'other' }
}

interface Context {
  child: string
  preferredSetting: string | null
}

/**
 * What the panels decided, written as a chair would type it: short sentences and everyday words,
 * because these reasons go straight into the family's letter.
 */
export const DECISIONS = {
  agreeToAssess: ({ child: n }: Context): DecisionWording => ({
    outcome: 'agree_to_assess',
    matchesPreference: true,
    reasons: `${n}'s school has given extra help for more than a year. ${n} is still well behind in reading, writing and talking with others. The reports show that ${n} may need more help than the school can give on its own. So we will carry out an EHC needs assessment to find out what help ${n} needs.`,
  }),
  agreeToAssessSchoolRequest: ({ child: n }: Context): DecisionWording => ({
    outcome: 'agree_to_assess',
    matchesPreference: true,
    reasons: `The school asked us to assess ${n}, and the family agrees. The school has tried many kinds of extra help over the last year. ${n} still finds it very hard to learn and to join in. So we will carry out an EHC needs assessment to find out what help ${n} needs.`,
  }),
  refuseToAssess: ({ child: n }: Context): DecisionWording => ({
    outcome: 'refuse_to_assess',
    matchesPreference: false,
    reasons: `${n} is making steady progress with the help the school already gives. The school has not yet tried all the help it can give from its own budget. The school will add small group reading three times a week. It will check ${n}'s progress every half term.`,
    disagreementExplanation: `You asked us to assess ${n}. We think the school's extra help is working, so an assessment is not needed now. You can ask again at any time. We will look again if ${n} stops making progress.`,
  }),
  deferAssessment: ({ child: n }: Context): DecisionWording => ({
    outcome: 'defer',
    matchesPreference: null,
    reasons: `We do not have enough information to decide yet. The educational psychologist saw ${n} last week, and we need the report. We will decide at a panel before the six-week time limit.`,
    deferral: {
      action: "Send the educational psychologist's report to the panel",
      owner: 'Educational psychology service',
      dueInDays: 10,
    },
  }),
  issuePlan: ({ child: n }: Context): DecisionWording => ({
    outcome: 'issue_plan',
    matchesPreference: true,
    reasons: `The assessment shows that ${n} needs help from an adult for most of the school day. ${n} also needs speech and language therapy every week. The school cannot give this much help from its own budget. So we will write an EHC plan. You will get a draft plan to read first, and you can tell us which school you want.`,
  }),
  doNotIssuePlan: ({ child: n }: Context): DecisionWording => ({
    outcome: 'do_not_issue_plan',
    matchesPreference: false,
    reasons: `The assessment shows that ${n}'s school can meet ${n}'s needs without an EHC plan. The school will give ${n} a reading group each day and a check-in with a key adult each morning. These ideas come from the educational psychologist's report.`,
    disagreementExplanation: `You asked for an EHC plan. The assessment shows the school can give ${n} the help needed without one. ${n} will keep getting SEN support at school, with the advice from the assessment.`,
    conditions:
      'The school will put the advice from the assessment in place by half term, and review it with the family each term.',
  }),
  namePreference: ({ child: n, preferredSetting }: Context): DecisionWording => ({
    outcome: 'name_preference',
    matchesPreference: true,
    reasons: `${preferredSetting} can meet ${n}'s needs. It has a place in the right year group. The journey from home is short, so ${n} will not be tired before lessons start.`,
  }),
  nameCheaperSuitableSchool: ({ child: n }: Context): DecisionWording => ({
    outcome: 'name_different_setting',
    namedSetting: { name: 'Riverside Special School', type: 'special' },
    matchesPreference: false,
    reasons: `${n} needs small classes, staff who understand autism and a quiet place to calm down. Riverside Special School can give ${n} all the help in the plan. It has a place for ${n} in January, and it is four miles from home.`,
    disagreementGround: 'incompatible_with_use_of_resources',
    disagreementExplanation: `You asked for Oakfield House School. It could meet ${n}'s needs too. But it costs more than twice as much as Riverside. ${n} would also need a 40-minute taxi ride each way. Riverside can give ${n} everything in the plan. So paying for Oakfield House would not be a good use of money meant for all children.`,
  }),
  nameSchoolThatMeetsPhysicalNeeds: ({ child: n }: Context): DecisionWording => ({
    outcome: 'name_different_setting',
    namedSetting: { name: 'Riverside Special School', type: 'special' },
    matchesPreference: false,
    reasons: `${n} needs physiotherapy every day, a hoist and a changing room with space for a carer. Riverside Special School has all of these, and a physiotherapist works there. It has a place for ${n} now.`,
    disagreementGround: 'unsuitable_for_child',
    disagreementExplanation: `You asked for Brookfield Vale School. It is a good school, but it has no hoist, no changing room and no physiotherapist. It cannot meet ${n}'s physical needs. That is why we named Riverside Special School.`,
  }),
  maintainPlan: ({ child: n }: Context): DecisionWording => ({
    outcome: 'maintain',
    matchesPreference: true,
    reasons: `${n} is doing well. The help in the plan is working, and ${n} has met most of last year's targets. The school and the family both say the plan still fits. So we will keep the plan as it is.`,
  }),
  amendPlan: ({ child: n }: Context): DecisionWording => ({
    outcome: 'amend',
    matchesPreference: true,
    reasons: `${n}'s needs have changed since the last review. ${n} now finds busy classrooms and changes to routine very hard. The speech and language therapist says ${n} needs therapy every week. We will change the plan to add this help. You will get the draft changes to read first.`,
  }),
  ceasePlanNowWorking: ({ child: n }: Context): DecisionWording => ({
    outcome: 'cease',
    matchesPreference: true,
    reasons: `${n} has left college and started a full-time job. ${n} told us the plan is no longer needed, and the college agrees. So we will stop the plan. ${n} can ask for a new assessment if going back into education later.`,
  }),
  nameNextSchool: ({ child: n, preferredSetting }: Context): DecisionWording => ({
    outcome: 'amend',
    namedSetting: preferredSetting ? { name: preferredSetting, type: 'mainstream' } : undefined,
    matchesPreference: true,
    reasons: `${n} moves to secondary school next September. ${preferredSetting} can meet ${n}'s needs and has a place. ${n} has visited and liked its small learning base. We will change the plan to name ${preferredSetting} and update the targets for secondary school.`,
  }),
  agreeTuitionPlace: ({ child: n }: Context): DecisionWording => ({
    outcome: 'agree',
    matchesPreference: true,
    reasons: `${n} has not been able to go to school since the start of term because of anxiety. A doctor has written to say ${n} is too unwell to go full time. A small group place, three mornings a week, will keep ${n} learning. The school will plan with you how ${n} can go back.`,
  }),
  agreeFewerHours: ({ child: n }: Context): DecisionWording => ({
    outcome: 'agree_different_level',
    matchesPreference: false,
    reasons: `The school has shown that ${n} needs an adult nearby at break times and in practical lessons. At other times ${n} copes well with the help the class already has. We agreed top-up funding for 15 hours a week, to cover the hardest times.`,
    disagreementExplanation: `You asked for funding for a teaching assistant all day. We agreed 15 hours a week, for the times ${n} finds hardest. We will look at this again in the spring term.`,
  }),
  refuseOutdoorLearning: ({ child: n }: Context): DecisionWording => ({
    outcome: 'refuse',
    matchesPreference: false,
    reasons: `${n}'s school started a new support plan four weeks ago, with a mentor and a quiet room. It is too early to know if it is working. The school can also ask Riverside Special School's outreach team for advice.`,
    disagreementExplanation: `You asked for two days a week at an outdoor learning centre. We think ${n}'s new plan at school needs time to work first. If things are not better in six weeks, the school can bring this back to the panel.`,
  }),
} satisfies Record<string, (context: Context) => DecisionWording>

export type DecisionKey = keyof typeof DECISIONS

/** Who usually brings each kind of case, unless the plan says otherwise. */
export const DEFAULT_REQUESTED_BY: Record<CaseKind, string> = {
  assessment_request: 'Parent',
  issue_plan: 'Council, after the needs assessment',
  placement: 'Parent',
  annual_review: 'School, after the annual review meeting',
  phase_transfer: 'School, after the annual review meeting',
  alternative_provision: 'School',
}

/** The family's preference in their own words, when the plan does not give one. */
export function defaultPreference(kind: CaseKind, child: string, preferredSetting: string | null): string {
  switch (kind) {
    case 'assessment_request':
      return `We would like the council to carry out an EHC needs assessment for ${child}.`
    case 'issue_plan':
      return `We would like ${child} to have an EHC plan.`
    case 'placement':
      return `We would like ${preferredSetting ?? 'the school we visited'} to be named in ${child}'s plan.`
    case 'phase_transfer':
      return `We would like ${child} to move to ${preferredSetting ?? 'the school we chose'} next September.`
    case 'annual_review':
      return 'Keep the plan as it is.'
    case 'alternative_provision':
      return `We would like extra help for ${child} while things are hard at school.`
  }
}
