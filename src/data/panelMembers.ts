import type { Db, Transaction, Executor } from './db'
import type { PanelMemberRow, UserRow } from './tables'
import type { IsoDate } from '../domain/dates'
import type { Agency, Role } from '../domain/vocabulary'

/** What an admin records about a member. Members need not have an account. */
export interface PanelMemberSettings {
  userId: string | null
  fullName: string
  jobTitle: string | null
  agency: Agency
  isChair: boolean
  memberFrom: IsoDate | null
  memberUntil: IsoDate | null
}

export interface PanelMember extends PanelMemberSettings {
  id: string
  panelId: string
  /** The linked account's email address, to tell apart two people with one name. */
  accountEmail: string | null
}

/** An account that can be linked to a membership: panel chairs and members, not disabled. */
export interface MemberAccount {
  id: string
  fullName: string
  email: string
  role: Role
}

interface MemberRow {
  id: string
  panel_id: string
  user_id: string | null
  full_name: string
  job_title: string | null
  agency: Agency
  is_chair: boolean
  member_from: IsoDate | null
  member_until: IsoDate | null
  account_email: string | null
}

const LINKABLE_ROLES: readonly Role[] = ['chair', 'member']

function toMember(row: MemberRow): PanelMember {
  return {
    id: row.id,
    panelId: row.panel_id,
    userId: row.user_id,
    fullName: row.full_name,
    jobTitle: row.job_title,
    agency: row.agency,
    isChair: row.is_chair,
    memberFrom: row.member_from,
    memberUntil: row.member_until,
    accountEmail: row.account_email,
  }
}

function toColumns(settings: PanelMemberSettings) {
  return {
    user_id: settings.userId,
    full_name: settings.fullName,
    job_title: settings.jobTitle,
    agency: settings.agency,
    is_chair: settings.isChair,
    member_from: settings.memberFrom,
    member_until: settings.memberUntil,
  }
}

export function panelMembersRepository(db: Db) {
  const selectMembers = (q: Executor) =>
    q('panel_members as m')
      .leftJoin('users as u', 'u.id', 'm.user_id')
      .select('m.*', 'u.email as account_email')
      .orderBy([{ column: 'm.is_chair', order: 'desc' }, { column: 'm.full_name' }])

  return {
    async listForPanel(panelId: string, q: Executor = db): Promise<PanelMember[]> {
      const rows: MemberRow[] = await selectMembers(q).where('m.panel_id', panelId)
      return rows.map(toMember)
    },

    async find(panelId: string, memberId: string, q: Executor = db): Promise<PanelMember | undefined> {
      const row: MemberRow | undefined = await selectMembers(q)
        .where({ 'm.panel_id': panelId, 'm.id': memberId })
        .first()
      return row && toMember(row)
    },

    async linkableAccounts(q: Executor = db): Promise<MemberAccount[]> {
      const rows = await q<UserRow>('users')
        .whereIn('role', LINKABLE_ROLES)
        .whereNull('disabled_at')
        .select('id', 'full_name', 'email', 'role')
        .orderBy([{ column: 'full_name' }, { column: 'email' }])
      return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email, role: r.role }))
    },

    async insert(trx: Transaction, panelId: string, settings: PanelMemberSettings): Promise<string> {
      const [row] = await trx<PanelMemberRow>('panel_members')
        .insert({ panel_id: panelId, ...toColumns(settings) })
        .returning('id')
      return row!.id
    },

    async update(trx: Transaction, memberId: string, settings: PanelMemberSettings): Promise<void> {
      await trx('panel_members')
        .where({ id: memberId })
        .update({ ...toColumns(settings), updated_at: trx.fn.now() })
    },

    /**
     * Deleting (rather than ending) the membership is what stops a linked account seeing the panel's
     * sittings: those pages join panel_members on user_id. Nothing references a membership row yet;
     * once attendance does, end memberships with member_until instead.
     */
    async remove(trx: Transaction, memberId: string): Promise<void> {
      await trx('panel_members').where({ id: memberId }).delete()
    },
  }
}

export type PanelMembersRepository = ReturnType<typeof panelMembersRepository>
