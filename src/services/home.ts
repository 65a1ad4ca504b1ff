import { listLetters } from '../data/letters'
import { casesWithApprovedMinutes } from '../data/minutes'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import type { Clock } from './clock'

/** What each role sees on its home page. */
export function homeService(data: DataLayer, clock: Clock) {
  return {
    async upcomingSittings(user: User) {
      return data.sittings.listUpcomingForUser(user.id, clock.today())
    },

    async sittingsToWriteUp(user: User) {
      return data.sittings.listToWriteUpForUser(user.id, clock.today())
    },

    async familyChildren(user: User) {
      const children = await data.families.listChildrenForAccount(user.id)
      const cases = await data.cases.listForChildren(
        children.map((c) => c.id),
        clock.today(),
      )
      const withMinutes = await casesWithApprovedMinutes(
        data.db,
        cases.map((c) => c.id),
      )
      const letters = await Promise.all(cases.map((c) => listLetters(data.db, c.id)))
      return children.map((child) => ({
        ...child,
        cases: cases
          .filter((c) => c.childId === child.id)
          .map((c) => ({
            ...c,
            hasMinutesExtract: withMinutes.has(c.id),
            letters: letters[cases.indexOf(c)] ?? [],
          })),
      }))
    },

    async managerOverview() {
      const [byStatus, byKind] = await Promise.all([data.cases.countByStatus(), data.cases.countByKind()])
      return { byStatus, byKind }
    },

    async adminSettings() {
      const [users, panels] = await Promise.all([data.users.listAll(), data.panels.listAll()])
      return { users, panels }
    },
  }
}

export type HomeService = ReturnType<typeof homeService>
