import type { DataLayer } from '../data'
import type { Clock } from './clock'
import { authService } from './auth'
import { homeService } from './home'
import { casesService } from './cases'
import { deadlinesService } from './deadlines'
import { reportsService } from './reports'

/** Services built by hand from the data layer. */
export function services(data: DataLayer, clock: Clock) {
  return {
    auth: authService(data, clock),
    home: homeService(data, clock),
    cases: casesService(data, clock),
    deadlines: deadlinesService(data, clock),
    reports: reportsService(data, clock),
  }
}

export type Services = ReturnType<typeof services>
