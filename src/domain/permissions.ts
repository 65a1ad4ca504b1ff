import type { Role } from './vocabulary'

/**
 * The parts of the service and who may use each. Every router is mounted behind `allowedRoles(area)`;
 * hiding a link is never the check.
 */
export const AREAS = {
  /** Seeing cases: caseworkers work on them, managers oversee them. */
  cases: ['caseworker', 'manager'],
  /** Opening and changing cases. */
  caseWork: ['caseworker'],
  /** Council staff tools, such as the deadline calculator: everyone but families. */
  staff: ['caseworker', 'chair', 'member', 'manager', 'admin', 'data_protection'],
  sittings: ['chair', 'member'],
  /**
   * Chairing a panel: adding a sitting and seeing the cases a chair may act on. The chair's seat on the
   * panel is checked as well, by the service, for each sitting.
   */
  chairing: ['chair'],
  /** Cases waiting for a panel: chairs place them, caseworkers and managers watch for those at risk. */
  queue: ['chair', 'caseworker', 'manager'],
  portal: ['family'],
  reports: ['manager'],
  /** Printing a sitting's letters for posting: caseworkers and the admin team. */
  postRoom: ['caseworker', 'admin'],
  admin: ['admin'],
  /**
   * A subject access request (UK GDPR Article 15): the council's data protection officer answers it,
   * and an admin may, as issue 17 allows, where the council has no officer using the service.
   */
  subjectAccess: ['data_protection', 'admin'],
  /**
   * Who looked at a child's record: the officer's oversight alone. Admins are left out on purpose: they
   * manage the accounts whose reading this log watches, and oversight is kept apart from administration.
   */
  readLog: ['data_protection'],
} as const satisfies Record<string, readonly Role[]>

export type Area = keyof typeof AREAS

export function allowedRoles(area: Area): readonly Role[] {
  return AREAS[area]
}

export function canUse(role: Role, area: Area): boolean {
  return (AREAS[area] as readonly Role[]).includes(role)
}

/**
 * Every area, and whether the role may use it: put on each page as `may`, so that a template asks
 * `may.caseWork` and never compares role names.
 */
export function permissionsFor(role: Role): Record<Area, boolean> {
  return Object.fromEntries(
    (Object.keys(AREAS) as Area[]).map((area) => [area, canUse(role, area)]),
  ) as Record<Area, boolean>
}

const HOME_PATHS: Record<Role, string> = {
  caseworker: '/cases',
  chair: '/sittings',
  member: '/sittings',
  family: '/portal',
  manager: '/reports',
  admin: '/admin',
  data_protection: '/data-protection',
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  return HOME_PATHS[role]
}

export interface NavigationItem {
  href: string
  text: string
}

const NAVIGATION: Record<Role, NavigationItem[]> = {
  caseworker: [
    { href: '/cases', text: 'My cases' },
    { href: '/queue', text: 'Queue' },
    { href: '/post-room', text: 'Post room' },
    { href: '/calendar', text: 'Calendar' },
  ],
  chair: [
    { href: '/sittings', text: 'My sittings' },
    { href: '/queue', text: 'Queue' },
    { href: '/calendar', text: 'Calendar' },
  ],
  member: [
    { href: '/sittings', text: 'My sittings' },
    { href: '/calendar', text: 'Calendar' },
  ],
  family: [{ href: '/portal', text: 'Your child’s case' }],
  manager: [
    { href: '/reports', text: 'Overview' },
    { href: '/reports/workload', text: 'Workload' },
    { href: '/cases', text: 'Cases' },
    { href: '/queue', text: 'Queue' },
    { href: '/calendar', text: 'Calendar' },
  ],
  admin: [
    { href: '/admin', text: 'Settings' },
    { href: '/admin/staff', text: 'Staff' },
    { href: '/summer-sittings', text: 'Summer sittings' },
    { href: '/admin/jobs', text: 'Scheduled jobs' },
    { href: '/post-room', text: 'Post room' },
    { href: '/calendar', text: 'Calendar' },
    { href: '/data-protection', text: 'Subject access' },
  ],
  data_protection: [
    { href: '/data-protection', text: 'Subject access' },
    { href: '/data-protection/reads', text: 'Who looked' },
    { href: '/calendar', text: 'Calendar' },
  ],
}

export function navigationFor(role: Role): NavigationItem[] {
  return NAVIGATION[role]
}

/** The navigation item for a page: the longest one whose address the page's is, or is under. */
export function activeNavigationHref(items: readonly NavigationItem[], path: string): string | undefined {
  return items
    .filter((item) => path === item.href || path.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href
}
