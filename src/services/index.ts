import type { DataLayer } from '../data'
import type { Clock } from './clock'
import { authService } from './auth'
import { oidcSignInService } from './oidcSignIn'
import { homeService } from './home'
import { casesService } from './cases'
import { caseEndingsService } from './caseEndings'
import { sen2Service } from './sen2'
import { deadlinesService } from './deadlines'
import { reportsService } from './reports'
import { preferenceReportService } from './preferenceReport'
import { summerSittingsReportService } from './summerSittingsReport'
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
import type { Config, MailConfig, OidcConfig } from '../config'
import type { TextEngine } from '../letters/textEngine'
import { staffAccountsService } from './staffAccounts'
import { accountPasswordsService } from './accountPasswords'
import { readLogService } from './readLog'
import { subjectAccessService } from './subjectAccess'
import { retentionService } from './retention'
import { familyAccessService } from './familyAccess'
import { signInThrottleService, type SignInThrottleSettings } from './signInThrottle'
import { sessionClock } from './clock'

/**
 * Everything the services are configured with, all required: the one place they come from is
 * `serviceSettings(config)`, so no service carries a default (a localhost portal address, say) that
 * could differ from `src/config.ts` and end up in a family's e-mail.
 */
export interface ServiceSettings extends SittingSettings {
  mail: MailConfig
  /** The family portal's address, which e-mailed links to it start with. */
  portalUrl: string
  /** PUBLIC_URL: the address e-mailed links to staff pages start with. */
  publicUrl: string
  papersReadyWorkingDays: number
  letterTextEngine: TextEngine
  oidc: OidcConfig | undefined
  signInThrottle: SignInThrottleSettings
}

/** The services' settings, read from the configuration that `loadConfig` built once at start-up. */
export function serviceSettings(config: Config): ServiceSettings {
  return {
    sittingHorizonWeeks: config.sittingHorizonWeeks,
    mail: config.mail,
    portalUrl: config.portalUrl,
    publicUrl: config.publicUrl,
    papersReadyWorkingDays: config.papersReadyWorkingDays,
    letterTextEngine: config.letterTextEngine,
    oidc: config.oidc,
    signInThrottle: { secret: config.sessionSecret, freeFailuresPerAccount: config.signInAttemptsPerWindow },
  }
}

/** Every service, built once over one data layer: the app's routers and the scheduled jobs share them. */
export function services(data: DataLayer, clock: Clock, settings: ServiceSettings) {
  const notices = notificationSettings(settings)
  return {
    auth: authService(data, clock),
    home: homeService(data, clock),
    cases: casesService(data, clock, notices),
    caseEndings: caseEndingsService(data, clock, notices),
    sen2: sen2Service(data, clock),
    deadlines: deadlinesService(data, clock),
    reports: reportsService(data, clock),
    preferenceReport: preferenceReportService(data, clock),
    summerSittingsReport: summerSittingsReportService(data, clock),
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
    minutes: minutesService(data, clock, settings.letterTextEngine),
    readability: readabilityService(data),
    letters: lettersService(data, clock, {
      portalUrl: settings.portalUrl,
      textEngine: settings.letterTextEngine,
    }),
    apologies: apologiesService(data, clock, settings.portalUrl),
    postRoom: postRoomService(data, clock),
    emailDelivery: emailDeliveryService(data, clock, settings.mail),
    notifications: notificationsService(data, clock, notices),
    invitations: invitationsService(data, clock, settings.portalUrl),
    portal: portalService(data, clock),
    oidcSignIn: settings.oidc ? oidcSignInService(data, clock, settings.oidc) : undefined,
    staffAccounts: staffAccountsService(data, clock, settings.publicUrl),
    accountPasswords: accountPasswordsService(data, clock, settings.publicUrl),
    readLog: readLogService(data, clock),
    retention: retentionService(data, clock),
    subjectAccess: subjectAccessService(data, clock, settings.letterTextEngine),
    familyAccess: familyAccessService(data, clock),
    // Real time, as for sessions: a wait of 15 seconds is 15 seconds even on a fixed "today".
    signInThrottle: signInThrottleService(data, sessionClock, settings.signInThrottle),
    publicPages: publicPagesService(data),
  }
}

export type Services = ReturnType<typeof services>
