import type { AreaOfNeed, FamilyRelationship, LetterFormat } from '../../domain/vocabulary'

const CI: AreaOfNeed = 'communication_and_interaction'
const CL: AreaOfNeed = 'cognition_and_learning'
const SEMH: AreaOfNeed = 'social_emotional_and_mental_health'
const SP: AreaOfNeed = 'sensory_and_physical'

export interface FamilySeed {
  fullName: string
  relationship?: FamilyRelationship
  /** The demo family account that signs in as this contact. */
  account?: string
  letterFormat?: LetterFormat
  /** Set only for a contact who needs an interpreter; everyone else reads English. */
  interpreterLanguage?: string
}

export interface ChildSeed {
  /** How case plans refer to the child: the first name in lower case. */
  key: string
  firstName: string
  lastName: string
  /**
   * National curriculum year in the current academic year: 0 is Reception, -1 Nursery, -2 an
   * early-years setting, 14 a third year at college. The date of birth is worked out from it.
   */
  yearGroup: number
  setting: string
  needs: readonly AreaOfNeed[]
  /** The first is the main contact. */
  family: readonly FamilySeed[]
}

// Invented schools in an invented county.
const ASHCOMBE_ACADEMY = 'Ashcombe Academy'
const BRACKENHURST = 'Brackenhurst School'
const BROOKFIELD_VALE = 'Brookfield Vale School'
const FERNLEY_JUNIOR = 'Fernley Junior School'
const HOLLINS_BROOK = 'Hollins Brook Primary School'
const KESTREL_FIELDS = 'Kestrel Fields Primary School'
const LONGMOOR_HIGH = 'Longmoor High School'
const MILLBECK = 'Millbeck CE Primary School'
const NORTHSHIRE_VALLEY = 'Northshire Valley Academy'
const RIVERSIDE = 'Riverside Special School'
const ST_AIDANS = "St Aidan's Catholic Primary School"

// The two demo family accounts, each linked to one child only.
const FAMILY_ONE = 'parent@example.org'
const FAMILY_TWO = 'parent2@example.org'
const signsIn = (fullName: string, account: string): FamilySeed => ({ fullName, account })
const largePrint = (fullName: string): FamilySeed => ({ fullName, letterFormat: 'large_print' })
const easyRead = (fullName: string): FamilySeed => ({ fullName, letterFormat: 'easy_read' })
const interpreter = (fullName: string, language: string): FamilySeed => ({
  fullName,
  interpreterLanguage: language,
})
const carer = (fullName: string): FamilySeed => ({ fullName, relationship: 'carer' })
// Over 16, a young person takes part in decisions in their own right, so is the main contact.
const youngPerson = (fullName: string): FamilySeed => ({ fullName, relationship: 'young_person' })

function c(
  name: string,
  yearGroup: number,
  setting: string,
  needs: readonly AreaOfNeed[],
  ...family: Array<string | FamilySeed>
): ChildSeed {
  const [firstName = '', lastName = ''] = name.split(' ')
  return {
    key: firstName.toLowerCase(),
    firstName,
    lastName,
    yearGroup,
    setting,
    needs,
    family: family.map((f) => (typeof f === 'string' ? { fullName: f } : f)),
  }
}

export const CHILDREN: readonly ChildSeed[] = [
  c('Maya Thompson', 2, HOLLINS_BROOK, [CI, CL], signsIn('Sarah Thompson', FAMILY_ONE), 'James Thompson'),
  c('Zain Hussain', 3, KESTREL_FIELDS, [CI, SEMH], signsIn('Imran Hussain', FAMILY_TWO), 'Nasreen Hussain'),
  c('Oliver Bennett', 0, 'Longmoor Infant School', [CI], 'Laura Bennett'),
  c('Amara Okafor', 4, ST_AIDANS, [CL], 'Chiamaka Okafor', 'Emeka Okafor'),
  c('Harry Walsh', 8, ASHCOMBE_ACADEMY, [SEMH], largePrint('Kelly Walsh')),
  c('Aisha Begum', 1, MILLBECK, [CI, SP], 'Rukhsana Begum'),
  c('Jack Robinson', 5, FERNLEY_JUNIOR, [CL, SEMH], 'Donna Robinson', 'Craig Robinson'),
  c('Isla Campbell', 7, LONGMOOR_HIGH, [CL], 'Fiona Campbell'),
  c('Kacper Nowak', 3, HOLLINS_BROOK, [CI, CL], interpreter('Agnieszka Nowak', 'Polish'), 'Tomasz Nowak'),
  c('Freya Davies', 6, KESTREL_FIELDS, [CL], 'Bethan Davies', 'Owen Davies'),
  c('Ethan Clarke', 9, BRACKENHURST, [CI, SEMH], 'Michelle Clarke'),
  c('Sofia Rossi', 2, ST_AIDANS, [SP], 'Giulia Rossi', 'Marco Rossi'),
  c('Leo Patel', -2, 'Little Acorns Day Nursery', [CI], 'Meera Patel', 'Raj Patel'),
  c("Grace O'Connor", 1, MILLBECK, [CI, SP], "Siobhan O'Connor"),
  c('Mohammed Ali', 5, HOLLINS_BROOK, [CL], 'Fatima Ali', 'Yusuf Ali'),
  c('Ruby Jenkins', 10, NORTHSHIRE_VALLEY, [SEMH], largePrint('Karen Jenkins')),
  c('Noah Mensah', 0, KESTREL_FIELDS, [CI], 'Abena Mensah', 'Kwame Mensah'),
  c('Poppy Hughes', 3, FERNLEY_JUNIOR, [CL, SP], 'Gemma Hughes'),
  c('Arjun Singh', 4, MILLBECK, [CL], 'Simran Singh', 'Harpreet Singh'),
  c('Evie Marshall', 2, KESTREL_FIELDS, [SP, CL], easyRead('Natalie Marshall')),
  c('Theo Barnes', 8, BRACKENHURST, [SEMH, CI], 'Claire Barnes'),
  c('Hafsa Ahmed', 1, MILLBECK, [CI, CL, SP], 'Samira Ahmed', 'Tariq Ahmed'),
  c('Alfie Morgan', 5, FERNLEY_JUNIOR, [SEMH], 'Lindsey Morgan'),
  c('Lily Chen', 7, NORTHSHIRE_VALLEY, [SP], 'Mei Chen', 'David Chen'),
  // Looked after by the council: the foster carers are the family contacts.
  c('Tyler Brown', 4, BROOKFIELD_VALE, [SEMH, CL], carer('Janet Morris'), carer('Keith Morris')),
  c('Niamh Gallagher', 9, RIVERSIDE, [CL, SP], 'Ciara Gallagher'),
  c('Ibrahim Yusuf', 7, ASHCOMBE_ACADEMY, [CI], 'Hodan Yusuf', 'Abdi Yusuf'),
  c('Erin MacDonald', 14, 'Northshire College', [CL], youngPerson('Erin MacDonald'), 'Morag MacDonald'),
  c('Reuben Cohen', 10, LONGMOOR_HIGH, [CI], 'Deborah Cohen'),
  c('Chloe Williams', 12, 'Brackenhurst Sixth Form', [SP], youngPerson('Chloe Williams'), 'Lisa Williams'),
  c('Dylan Price', 8, RIVERSIDE, [CL, CI], largePrint('Cerys Price')),
  c('Anaya Chauhan', 5, BROOKFIELD_VALE, [CL], 'Pooja Chauhan'),
  c('Kian Murphy', 6, MILLBECK, [SEMH], 'Shauna Murphy'),
  c('Esme Fletcher', 11, LONGMOOR_HIGH, [CI], 'Hannah Fletcher', 'Rob Fletcher'),
  c('Joshua Adeyemi', 6, KESTREL_FIELDS, [CI, CL], 'Funmilayo Adeyemi'),
  c('Layla Hassan', -1, 'Millbeck Nursery School', [CI, SP], 'Yasmin Hassan', 'Omar Hassan'),
  c('Callum Fraser', 9, BRACKENHURST, [SEMH], 'Lorraine Fraser'),
  c('Mia Kowalczyk', 5, FERNLEY_JUNIOR, [SEMH, CL], 'Katarzyna Kowalczyk'),
  c('Samuel Osei', 10, NORTHSHIRE_VALLEY, [SEMH], 'Akosua Osei'),
  c('Holly Parry', 8, ASHCOMBE_ACADEMY, [SEMH, CI], 'Dawn Parry'),
]
