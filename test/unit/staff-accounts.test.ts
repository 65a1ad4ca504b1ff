import fc from 'fast-check'
import {
  describeAccountEvent,
  lastAdminProblem,
  LAST_ADMIN_MESSAGE,
  linkLifetimeMs,
  passwordLinkState,
  resetEmail,
  setUpEmail,
  STAFF_ROLES,
} from '../../src/domain/staffAccounts'
import type { Role } from '../../src/domain/vocabulary'
import { activeNavigationHref, navigationFor } from '../../src/domain/permissions'

const role = fc.constantFrom<Role>(...STAFF_ROLES)

describe('the last administrator', () => {
  test('any sequence of changes, each checked by the rule, leaves at least one enabled admin', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ role, disabled: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ who: fc.nat(), role, disabled: fc.boolean() }), { maxLength: 30 }),
        (accounts, changes) => {
          const people = [{ role: 'admin' as Role, disabled: false }, ...accounts]
          const activeAdmins = () => people.filter((p) => p.role === 'admin' && !p.disabled).length
          for (const change of changes) {
            const person = people[change.who % people.length]!
            const problem = lastAdminProblem({
              role: person.role,
              disabled: person.disabled,
              newRole: change.role,
              newDisabled: change.disabled,
              activeAdmins: activeAdmins(),
            })
            if (problem === null) Object.assign(person, { role: change.role, disabled: change.disabled })
            else expect(problem).toBe(LAST_ADMIN_MESSAGE)
            expect(activeAdmins()).toBeGreaterThanOrEqual(1)
          }
        },
      ),
    )
  })

  test('only a change that takes away the last enabled admin is refused', () => {
    expect(
      lastAdminProblem({
        role: 'admin',
        disabled: false,
        newRole: 'admin',
        newDisabled: true,
        activeAdmins: 1,
      }),
    ).toBe(LAST_ADMIN_MESSAGE)
    expect(
      lastAdminProblem({
        role: 'admin',
        disabled: false,
        newRole: 'chair',
        newDisabled: false,
        activeAdmins: 1,
      }),
    ).toBe(LAST_ADMIN_MESSAGE)
    expect(
      lastAdminProblem({
        role: 'admin',
        disabled: false,
        newRole: 'chair',
        newDisabled: false,
        activeAdmins: 2,
      }),
    ).toBeNull()
    // A disabled admin is not one of those in use, so changing it never matters.
    expect(
      lastAdminProblem({
        role: 'admin',
        disabled: true,
        newRole: 'member',
        newDisabled: true,
        activeAdmins: 1,
      }),
    ).toBeNull()
  })
})

describe('password links', () => {
  const HOUR = 3_600_000
  const link = fc.record({
    usedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
    voidedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
    expiresAt: fc.date({ noInvalidDate: true }),
    accountDisabled: fc.boolean(),
  })

  test('a link works only unused, not voided, for an enabled account and before it expires', () => {
    fc.assert(
      fc.property(link, fc.date({ noInvalidDate: true }), (l, now) => {
        const valid =
          l.usedAt === null &&
          l.voidedAt === null &&
          !l.accountDisabled &&
          now.getTime() < l.expiresAt.getTime()
        expect(passwordLinkState(l, now) === 'valid').toBe(valid)
        if (l.usedAt && !l.voidedAt && !l.accountDisabled) expect(passwordLinkState(l, now)).toBe('used')
      }),
    )
    expect(passwordLinkState(undefined, new Date(0))).toBe('unknown')
  })

  test('a set-up link lasts 7 days and a reset link 1 hour', () => {
    expect(linkLifetimeMs('set_up')).toBe(7 * 24 * HOUR)
    expect(linkLifetimeMs('reset')).toBe(HOUR)
  })

  test('the e-mails carry the link and say how long it works', () => {
    const setUp = setUpEmail({
      fullName: 'Priya Raman',
      roleLabel: 'Caseworker',
      link: 'https://panel.example.gov.uk/set-up-account/abc',
      expiresAt: new Date('2026-11-30T09:00:00Z'),
      adminName: 'Leanne Doyle',
      councilName: 'Northshire County Council',
    })
    expect(setUp.body).toContain('https://panel.example.gov.uk/set-up-account/abc')
    expect(setUp.body).toContain('30 November 2026 at 9am')
    const reset = resetEmail({
      fullName: 'Priya Raman',
      link: 'https://x/reset-password/abc',
      councilName: 'N',
    })
    expect(reset.body).toContain('https://x/reset-password/abc')
    expect(reset.body).toContain('within 60 minutes')
  })
})

describe('an account’s history in words', () => {
  const at = new Date('2026-11-23T09:00:00Z')
  test('says which fields changed and the roles, never what they hold', () => {
    expect(
      describeAccountEvent({
        action: 'staff_account_changed',
        occurredAt: at,
        actorName: 'Leanne Doyle',
        details: { changed: 'fullName,email,role', fromRole: 'member', toRole: 'chair' },
      }),
    ).toEqual({
      when: '23 November 2026 at 9am',
      who: 'Leanne Doyle',
      what: 'Changed the name, email address and role (from Panel member to Panel chair)',
    })
    expect(
      describeAccountEvent({ action: 'password_reset', occurredAt: at, actorName: null, details: {} }).what,
    ).toMatch(/^Password reset/)
  })
})

describe('the current navigation item', () => {
  test('is the longest address the page is at or under, so Staff and Settings are never both current', () => {
    const admin = navigationFor('admin')
    expect(activeNavigationHref(admin, '/admin/staff')).toBe('/admin/staff')
    expect(activeNavigationHref(admin, '/admin/staff/new')).toBe('/admin/staff')
    expect(activeNavigationHref(admin, '/admin/panels/new')).toBe('/admin')
    expect(activeNavigationHref(admin, '/admin')).toBe('/admin')
    expect(activeNavigationHref(admin, '/administration')).toBeUndefined()
    expect(activeNavigationHref(admin, '/account/password')).toBeUndefined()
  })
})
