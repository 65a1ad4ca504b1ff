import fc from 'fast-check'
import { isSamePerson, type ContactIdentity } from '../../src/domain/familyAccess'

const identity = fc.record<ContactIdentity>({
  fullName: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
  email: fc.option(fc.emailAddress(), { nil: null }),
  relationship: fc.constantFrom('parent', 'carer', 'young_person', 'other'),
})

describe('whether an edited contact is still the person whose account was linked', () => {
  test('any contact is the same person as itself, whatever the capitals and spacing', () => {
    fc.assert(
      fc.property(identity, (who) => {
        const shouted = {
          ...who,
          fullName: `  ${who.fullName.toUpperCase()} `,
          email: who.email?.toUpperCase() ?? null,
        }
        return isSamePerson(who, who) && isSamePerson(who, shouted) === isSamePerson(shouted, who)
      }),
    )
  })

  test('another name, email address or relationship is someone else', () => {
    const jo = { fullName: 'Jo Taylor', email: 'jo@example.org', relationship: 'parent' }
    expect(isSamePerson(jo, { ...jo, fullName: 'JO  TAYLOR' })).toBe(true)
    expect(isSamePerson(jo, { ...jo, email: ' Jo@Example.org ' })).toBe(true)
    expect(isSamePerson(jo, { ...jo, fullName: 'Sam Taylor' })).toBe(false)
    expect(isSamePerson(jo, { ...jo, email: 'sam@example.org' })).toBe(false)
    expect(isSamePerson(jo, { ...jo, email: null })).toBe(false)
    expect(isSamePerson(jo, { ...jo, relationship: 'carer' })).toBe(false)
  })

  test('a change of email address is always someone else', () => {
    fc.assert(
      fc.property(identity, fc.emailAddress(), (who, other) => {
        fc.pre((who.email ?? '').toLowerCase() !== other.toLowerCase())
        return !isSamePerson(who, { ...who, email: other })
      }),
    )
  })
})
