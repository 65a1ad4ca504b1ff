import crypto from 'node:crypto'
import type { Transaction } from '../db'
import type { Agency, CaseKind, PanelType } from '../../domain/vocabulary'
import { accountFor, type AccountsByEmail } from './accounts'

interface MemberSeed {
  /** Members with an account sign in to read papers; the rest are recorded by name only. */
  email?: string
  fullName: string
  jobTitle: string
  agency: Agency
  isChair?: boolean
}

interface PanelSeed {
  name: string
  panelType: PanelType
  kinds: readonly CaseKind[]
  weekday: number
  startsAt: string
  durationMinutes: number
  venue: string | null
  onlineLink: string | null
  capacity: number
  members: readonly MemberSeed[]
}

/** Every demo panel closes its papers this many working days before a sitting. */
export const DEMO_CUTOFF_WORKING_DAYS = 3

const CHAIR: MemberSeed = {
  email: 'chair@example.org',
  fullName: 'Helen Whitaker',
  jobTitle: 'Head of SEND and Inclusion',
  agency: 'education',
  isChair: true,
}
const PRINCIPAL_EP: MemberSeed = {
  email: 'member@example.org',
  fullName: 'Joanne Brierley',
  jobTitle: 'Principal educational psychologist',
  agency: 'education',
}
const DESIGNATED_CLINICAL_OFFICER: MemberSeed = {
  fullName: 'Dr Aisha Rahman',
  jobTitle: 'Designated clinical officer, Northshire Integrated Care Board',
  agency: 'health',
}
const DISABLED_CHILDREN_TEAM_MANAGER: MemberSeed = {
  fullName: 'Gareth Lloyd',
  jobTitle: "Team manager, Disabled Children's Team",
  agency: 'social_care',
}

const PANELS: readonly PanelSeed[] = [
  {
    name: 'SEND decision-making panel',
    panelType: 'send_decision',
    kinds: ['assessment_request', 'issue_plan', 'annual_review', 'phase_transfer'],
    weekday: 2,
    startsAt: '10:00',
    durationMinutes: 180,
    venue: 'Committee Room 2, County Hall, Ashcombe',
    onlineLink: 'https://meet.example.org/northshire-send-panel',
    capacity: 8,
    members: [
      CHAIR,
      PRINCIPAL_EP,
      DESIGNATED_CLINICAL_OFFICER,
      DISABLED_CHILDREN_TEAM_MANAGER,
      {
        fullName: 'Claire Henderson',
        jobTitle: 'Head teacher, Millbeck CE Primary School',
        agency: 'education',
      },
      {
        fullName: 'Nadia Kowalski',
        jobTitle: 'Co-chair, Northshire Parent Carer Forum',
        agency: 'parent_carer_forum',
      },
    ],
  },
  {
    name: 'Placement panel',
    panelType: 'placement',
    kinds: ['placement'],
    weekday: 3,
    startsAt: '14:00',
    durationMinutes: 150,
    venue: 'Meeting Room 4, Ashcombe Civic Centre',
    onlineLink: 'https://meet.example.org/northshire-placement-panel',
    capacity: 6,
    members: [
      CHAIR,
      PRINCIPAL_EP,
      DESIGNATED_CLINICAL_OFFICER,
      DISABLED_CHILDREN_TEAM_MANAGER,
      { fullName: 'Paul Ashworth', jobTitle: 'SEND placements and commissioning lead', agency: 'education' },
      {
        fullName: "Bernadette O'Neill",
        jobTitle: 'Head teacher, Riverside Special School',
        agency: 'education',
      },
    ],
  },
  {
    name: 'Alternative provision panel',
    panelType: 'alternative_provision',
    kinds: ['alternative_provision'],
    weekday: 4,
    startsAt: '10:00',
    durationMinutes: 120,
    // Held online only: members join from schools across the county.
    venue: null,
    onlineLink: 'https://meet.example.org/northshire-ap-panel',
    capacity: 5,
    members: [
      CHAIR,
      {
        fullName: 'Marcus Fenwick',
        jobTitle: 'Head teacher, Northshire Virtual School',
        agency: 'education',
      },
      { fullName: 'Lewis Grant', jobTitle: 'Inclusion and alternative provision lead', agency: 'education' },
      { fullName: 'Emma Clarke', jobTitle: 'Clinical lead, Northshire CAMHS', agency: 'health' },
      { fullName: 'Sophie Brennan', jobTitle: 'Team manager, Early Help', agency: 'social_care' },
    ],
  },
]

export interface SeededPanel {
  id: string
  name: string
  panelType: PanelType
  kinds: readonly CaseKind[]
  weekday: number
  startsAt: string
  venue: string | null
  onlineLink: string | null
  capacity: number
}

// The panels were set up for the 2024/25 academic year.
const MEMBERS_SINCE = '2024-09-02'

export async function insertPanels(
  trx: Transaction,
  accounts: AccountsByEmail,
): Promise<{ panels: SeededPanel[]; counts: Record<string, number> }> {
  const panels = PANELS.map((seed) => ({ ...seed, id: crypto.randomUUID() }))
  await trx('panels').insert(
    panels.map((p) => ({
      id: p.id,
      name: p.name,
      panel_type: p.panelType,
      weekday: p.weekday,
      starts_at: p.startsAt,
      duration_minutes: p.durationMinutes,
      venue: p.venue,
      online_link: p.onlineLink,
      capacity: p.capacity,
      papers_cutoff_working_days: DEMO_CUTOFF_WORKING_DAYS,
    })),
  )
  const kinds = panels.flatMap((p) => p.kinds.map((kind) => ({ panel_id: p.id, case_kind: kind })))
  await trx('panel_case_kinds').insert(kinds)
  const members = panels.flatMap((p) =>
    p.members.map((m) => ({
      panel_id: p.id,
      user_id: m.email ? accountFor(accounts, m.email).id : null,
      full_name: m.fullName,
      job_title: m.jobTitle,
      agency: m.agency,
      is_chair: m.isChair ?? false,
      member_from: MEMBERS_SINCE,
    })),
  )
  await trx('panel_members').insert(members)
  const seeded = panels.map((p) => ({
    id: p.id,
    name: p.name,
    panelType: p.panelType,
    kinds: p.kinds,
    weekday: p.weekday,
    startsAt: p.startsAt,
    venue: p.venue,
    onlineLink: p.onlineLink,
    capacity: p.capacity,
  }))
  return {
    panels: seeded,
    counts: { panels: panels.length, panel_case_kinds: kinds.length, panel_members: members.length },
  }
}
