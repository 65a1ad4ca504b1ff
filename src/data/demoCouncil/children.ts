import crypto from 'node:crypto'
import type { Transaction } from '../db'
import { accountFor, type AccountsByEmail } from './accounts'
import { CHILDREN, type ChildSeed } from './childData'
import { addDays, type IsoDate } from './dates'
import type { Prng } from './prng'

const STREETS = [
  'Larch Close',
  'Mill Lane',
  'Station Road',
  'Beech Avenue',
  'Orchard Way',
  'Kingfisher Drive',
  'Church Street',
  'Meadow View',
  'Victoria Terrace',
  'Heather Road',
]
// Invented towns in an invented county; the NS postcode area does not exist.
const TOWNS = [
  { town: 'Ashcombe', district: 1 },
  { town: 'Longmoor', district: 4 },
  { town: 'Millbeck', district: 7 },
  { town: 'Fernley', district: 9 },
  { town: 'Brackenhurst', district: 12 },
]
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

/** The year in which the current academic year began: English school years start on 1 September. */
export function academicYearStart(today: IsoDate): number {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return month >= 9 ? year : year - 1
}

/** A child in year N this academic year was born between 1 September and 31 August, N + 5 and N + 4 years before it began. */
export function dateOfBirthFor(yearGroup: number, today: IsoDate, prng: Prng): IsoDate {
  const cohortStart = `${academicYearStart(today) - yearGroup - 5}-09-01`
  return addDays(cohortStart, prng.int(0, 364))
}

export function yearGroupLabel(yearGroup: number): string {
  if (yearGroup <= -2) return 'Early years'
  if (yearGroup === -1) return 'Nursery'
  if (yearGroup === 0) return 'Reception'
  if (yearGroup <= 13) return `Year ${yearGroup}`
  return 'Further education'
}

function emailFor(fullName: string): string {
  const local = fullName
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.')
  // example.com is reserved for documentation, so no letter can reach a real person.
  return `${local}@example.com`
}

function addressFor(prng: Prng): string {
  const { town, district } = prng.pick(TOWNS)
  const letters = `${prng.pick([...POSTCODE_LETTERS])}${prng.pick([...POSTCODE_LETTERS])}`
  return `${prng.int(1, 120)} ${prng.pick(STREETS)}, ${town}, NS${district} ${prng.int(1, 9)}${letters}`
}

export interface SeededChild {
  id: string
  key: string
  firstName: string
  lastName: string
  setting: string
}

export type ChildrenByKey = ReadonlyMap<string, SeededChild>

export async function insertChildren(
  trx: Transaction,
  accounts: AccountsByEmail,
  today: IsoDate,
  prng: Prng,
): Promise<{ children: ChildrenByKey; counts: Record<string, number> }> {
  const children = CHILDREN.map((seed) => ({ seed, id: crypto.randomUUID() }))
  await trx('children').insert(
    children.map(({ seed, id }) => ({
      id,
      first_name: seed.firstName,
      last_name: seed.lastName,
      date_of_birth: dateOfBirthFor(seed.yearGroup, today, prng),
      current_setting: seed.setting,
      year_group: yearGroupLabel(seed.yearGroup),
      areas_of_need: [...seed.needs],
    })),
  )
  let nextPhone = 200
  const contacts = children.flatMap(({ seed, id }) => {
    const address = addressFor(prng)
    return seed.family.map((member, index) => {
      const account = member.account ? accountFor(accounts, member.account) : undefined
      return {
        child_id: id,
        user_id: account?.id ?? null,
        full_name: member.fullName,
        relationship: member.relationship ?? 'parent',
        address,
        email: account?.email ?? emailFor(member.fullName),
        phone: account?.phone ?? `07700 900${nextPhone++}`,
        preferred_language: member.interpreterLanguage ?? 'English',
        needs_interpreter: member.interpreterLanguage !== undefined,
        letter_format: member.letterFormat ?? 'standard',
        is_main_contact: index === 0,
      }
    })
  })
  await trx('family_contacts').insert(contacts)
  return {
    children: new Map(children.map(({ seed, id }) => [seed.key, summary(seed, id)])),
    counts: { children: children.length, family_contacts: contacts.length },
  }
}

function summary(seed: ChildSeed, id: string): SeededChild {
  return { id, key: seed.key, firstName: seed.firstName, lastName: seed.lastName, setting: seed.setting }
}
