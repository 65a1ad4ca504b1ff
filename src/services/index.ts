import type { DataLayer } from '../data'
import type { Clock } from './clock'
import { authService } from './auth'
import { homeService } from './home'

/** Services built by hand from the data layer. */
export function services(data: DataLayer, clock: Clock) {
  return {
    auth: authService(data, clock),
    home: homeService(data, clock),
  }
}

export type Services = ReturnType<typeof services>
