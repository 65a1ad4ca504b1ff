import type { DataLayer } from '../data'
import type { Clock } from './clock'
import { authService } from './auth'
import { oidcSignInService } from './oidcSignIn'
import { homeService } from './home'
import { casesService } from './cases'
import { deadlinesService } from './deadlines'
import { reportsService } from './reports'
import { panelAdminService } from './panelAdmin'
import { calendarAdminService } from './calendarAdmin'
import { jargonAdminService } from './jargonAdmin'
import { letterSettingsAdminService } from './letterSettingsAdmin'
import { sessionCleanupService } from './sessionCleanup'
import { storedDeadlinesService } from './storedDeadlines'
import { jobRunsService } from '../jobs/service'
import { calendarService } from './calendar'
import { queueService } from './queue'
import { sittingsService, type SittingSettings } from './sittings'
import { agendaService } from './agenda'
import { meetingService } from './meeting'
import { decisionsService } from './decisions'
import { minutesService } from './minutes'
import { readabilityService } from './readability'
import { lettersService } from './letters'
import { apologiesService } from './apologies'
import { postRoomService } from './postRoom'
import { emailDeliveryService } from './emailDelivery'
import { notificationSettings, notificationsService } from './notifications'
import { invitationsService } from './invitations'
import { portalService } from './portal'
import { publicPagesService } from './publicPages'
import type { MailConfig, OidcConfig } from '../config'
import { DEFAULT_TEXT_ENGINE, type TextEngine } from '../letters/textEngine'
import { staffAccountsService } from './staffAccounts'
import { accountPasswordsService } from './accountPasswords'
import { readLogService } from './readLog'
import { subjectAccessService } from './subjectAccess'
import { familyAccessService } from './familyAccess'
import { signInThrottleService, type SignInThrottleSettings } from './signInThrottle'
import { sessionClock } from './clock'

/** Services built by hand from the data layer. */
const DEFAULT_SETTINGS: SittingSettings = { sittingHorizonWeeks: 12 }
const DEFAULT_PORTAL_URL = 'http://localhost:3000/portal'
const DEFAULT_PUBLIC_URL = 'http://localhost:3000'
const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleSettings = {
  secret: 'development-only-session-secret-not-for-production',
  freeFailuresPerAccount: 10,
}

export function services(
  data: DataLayer,
  clock: Clock,
  settings: SittingSettings & {
    mail?: MailConfig
    portalUrl?: string
    /** PUBLIC_URL: the address e-mailed links to staff pages start with. */
    publicUrl?: string
    papersReadyWorkingDays?: number
    letterTextEngine?: TextEngine
    oidc?: OidcConfig
    signInThrottle?: SignInThrottleSettings
  } = DEFAULT_SETTINGS,
) {
  const notices = notificationSettings(settings)
  return {
    auth: authService(data, clock),
    home: homeService(data, clock),
    cases: casesService(data, clock, notices),
    deadlines: deadlinesService(data, clock),
    reports: reportsService(data, clock),
    panelAdmin: panelAdminService(data, clock),
    calendarAdmin: calendarAdminService(data, clock),
    jargonAdmin: jargonAdminService(data),
    letterSettingsAdmin: letterSettingsAdminService(data, clock),
    sessionCleanup: sessionCleanupService(data),
    storedDeadlines: storedDeadlinesService(data, clock),
    jobRuns: jobRunsService(data, clock),
    calendar: calendarService(data, clock),
    queue: queueService(data, clock, notices),
    sittings: sittingsService(data, clock, settings, notices),
    agenda: agendaService(data, clock, notices),
    meeting: meetingService(data, clock),
    decisions: decisionsService(data, clock, notices),
    minutes: minutesService(data, clock, settings.letterTextEngine ?? DEFAULT_TEXT_ENGINE),
    readability: readabilityService(data),
    letters: lettersService(data, clock, {
      portalUrl: settings.portalUrl ?? DEFAULT_PORTAL_URL,
      textEngine: settings.letterTextEngine ?? DEFAULT_TEXT_ENGINE,
    }),
    apologies: apologiesService(data, clock, settings.portalUrl ?? DEFAULT_PORTAL_URL),
    postRoom: postRoomService(data, clock),
    emailDelivery: emailDeliveryService(data, clock, settings.mail),
    notifications: notificationsService(data, clock, notices),
    invitations: invitationsService(data, clock, settings.portalUrl ?? DEFAULT_PORTAL_URL),
    portal: portalService(data, clock),
    oidcSignIn: settings.oidc ? oidcSignInService(data, clock, settings.oidc) : undefined,
    staffAccounts: staffAccountsService(data, clock, settings.publicUrl ?? DEFAULT_PUBLIC_URL),
    accountPasswords: accountPasswordsService(data, clock, settings.publicUrl ?? DEFAULT_PUBLIC_URL),
    readLog: readLogService(data, clock),
    subjectAccess: subjectAccessService(data, clock, settings.letterTextEngine ?? DEFAULT_TEXT_ENGINE),
    familyAccess: familyAccessService(data, clock),
    // Real time, as for sessions: a wait of 15 seconds is 15 seconds even on a fixed "today".
    signInThrottle: signInThrottleService(
      data,
      sessionClock,
      settings.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE,
    ),
    publicPages: publicPagesService(data),
  }
}

export type Services = ReturnType<typeof services>
