/** A session's row and cookie are renewed at most this often (see renewSignedInSession). */
export const SESSION_RENEWAL_MS = 60_000
