import type { Transaction } from '../db'
import { settingsColumns } from '../letterSettings'
import type { LetterSettings } from '../../domain/letters/types'

/**
 * The demo council's letter settings. The phone numbers are from Ofcom's range kept for drama
 * (01632 960xxx), and the addresses use example domains, so nobody real is ever called or written to.
 */
export const DEMO_LETTER_SETTINGS: LetterSettings = {
  councilName: 'Northshire County Council',
  councilAddress: ['SEND Team', 'County Hall', 'Ashcombe', 'NS1 2AB'],
  sendTeam: { phone: '01632 960000', email: 'send@northshire.example.org' },
  informationAdvice: {
    name: 'Northshire SEND Information, Advice and Support Service (SENDIASS)',
    phone: '01632 960100',
    email: 'sendiass@northshire.example.org',
    website: 'https://sendiass.northshire.example.org',
  },
  mediation: {
    name: 'Northshire Mediation',
    phone: '01632 960200',
    email: 'mediation@northshire.example.org',
  },
  disagreementResolution: {
    name: 'Northshire Disagreement Resolution Service',
    phone: '01632 960300',
    email: 'resolution@northshire.example.org',
  },
  tribunalUrl: 'https://www.gov.uk/appeal-ehc-plan-decision',
  complaintsUrl: 'https://www.northshire.example.org/complaints',
  signature: { name: 'Helen Whitaker', jobTitle: 'Head of SEND and Inclusion' },
  followUpWorkingDays: 10,
  localOfferWords: 'Find more help on our local offer website: https://localoffer.northshire.example.org.',
}

export async function insertLetterSettings(trx: Transaction): Promise<void> {
  await trx('letter_settings').where({ id: 1 }).update(settingsColumns(DEMO_LETTER_SETTINGS))
}
