import type { DataLayer } from '../data'
import type { Clock } from './clock'
import { authService } from './auth'
import { homeService } from './home'
import { casesService } from './cases'
import { deadlinesService } from './deadlines'
import { reportsService } from './reports'
import { panelAdminService } from './panelAdmin'
import { calendarAdminService } from './calendarAdmin'
import { jargonAdminService } from './jargonAdmin'
import { letterSettingsAdminService } from './letterSettingsAdmin'
import { sessionCleanupService } from './sessionCleanup'
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
import type { MailConfig } from '../config'

/** Services built by hand from the data layer. */
const DEFAULT_SETTINGS: SittingSettings = { sittingHorizonWeeks: 12 }
const DEFAULT_PORTAL_URL = 'http://localhost:3000/portal'

export function services(
  data: DataLayer,
  clock: Clock,
  settings: SittingSettings & {
    mail?: MailConfig
    portalUrl?: string
    papersReadyWorkingDays?: number
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
    jobRuns: jobRunsService(data),
    calendar: calendarService(data, clock),
    queue: queueService(data, clock, notices),
    sittings: sittingsService(data, clock, settings, notices),
    agenda: agendaService(data, clock, notices),
    meeting: meetingService(data, clock),
    decisions: decisionsService(data, clock, notices),
    minutes: minutesService(data, clock),
    readability: readabilityService(data),
    letters: lettersService(data, clock, settings.portalUrl ?? DEFAULT_PORTAL_URL),
    apologies: apologiesService(data, clock, settings.portalUrl ?? DEFAULT_PORTAL_URL),
    postRoom: postRoomService(data, clock),
    emailDelivery: emailDeliveryService(data, clock, settings.mail),
    notifications: notificationsService(data, clock, notices),
    invitations: invitationsService(data, clock, settings.portalUrl ?? DEFAULT_PORTAL_URL),
    portal: portalService(data, clock),
    publicPages: publicPagesService(data),
  }
}

export type Services = ReturnType<typeof services>
