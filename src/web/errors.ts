export type HttpErrorKind =
  'bad-request' | 'too-large' | 'not-found' | 'forbidden' | 'csrf' | 'too-many-requests' | 'server-error'

/** An error with the status and page the error handler should show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly kind: HttpErrorKind,
  ) {
    super(kind)
  }
}

/** What each error page says, in plain words. */
export const ERROR_PAGES: Record<HttpErrorKind, { title: string; lines: string[] }> = {
  'bad-request': {
    title: 'Sorry, that did not work',
    lines: ['The web address or the form was not in a form we could read. Go back and try again.'],
  },
  'too-large': {
    title: 'Sorry, that was too much to send at once',
    lines: ['Nothing was saved. Go back, shorten the longest answers and try again.'],
  },
  'not-found': {
    title: 'Page not found',
    lines: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  forbidden: {
    title: 'You cannot see this page',
    lines: [
      'Your account does not give access to this page.',
      'If you think it should, contact your SEND team manager.',
    ],
  },
  csrf: {
    title: 'Sorry, this form has expired',
    lines: [
      'To keep your information safe, forms stop working after a while or when you sign in again. Nothing was saved.',
      'Go back to the page, reload it and try again.',
    ],
  },
  'too-many-requests': {
    title: 'Sorry, there have been too many attempts',
    lines: ['Wait 15 minutes, then try again.'],
  },
  'server-error': { title: 'Sorry, there is a problem with the service', lines: ['Try again later.'] },
}
