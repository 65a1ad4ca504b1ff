/**
 * What the accessibility statement says about the service itself, in the order of the GOV.UK model
 * statement (the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
 * Regulations 2018, reg 8). Every claim here is about checks the project runs: keep them true when
 * the tests change (test/browser, test/unit/*letter*, .ci/run).
 */

export const WCAG_VERSION = 'Web Content Accessibility Guidelines version 2.2 AA standard'

/** What a disabled person can expect to do: only what the service's own checks back. */
export const WHAT_YOU_CAN_DO: readonly string[] = [
  'read your child’s case page on a screen 320 pixels wide, which is like zooming in to 400%, without scrolling from side to side',
  'see what was decided about your child and the next date on your child’s case page, as well as in the letter',
  'ask for a letter in large print or Easy Read',
]

/** Parts we know are not fully accessible, and why: honest about what has not been checked. */
export const KNOWN_PROBLEMS: readonly { problem: string; why: string }[] = [
  {
    problem:
      'Decision letters and panel minutes are PDF documents. They are tagged PDFs: headings, lists and reading order are marked, the language is set and the fonts are embedded. We have not yet checked them with a PDF accessibility checker or with screen readers, so some parts may not read well with your assistive technology.',
    why: 'Your child’s case page in your account says what was decided and the next date. We can also send a letter in large print, Easy Read or another format.',
  },
  {
    problem:
      'In Easy Read letters, the pictures are marked as decoration, so a screen reader skips them. The words beside each picture say everything it shows.',
    why: 'This is on purpose: hearing the name of each picture would get in the way.',
  },
  {
    problem:
      'You are signed out after a time without using the service, and you are not warned first. Anything you had typed and not saved is lost. This fails WCAG 2.2 success criterion 2.2.1 (timing adjustable).',
    why: 'This protects information about children on shared computers. We plan to warn you before it happens and let you stay signed in.',
  },
  {
    problem:
      'We have not yet tested the service with screen readers, screen magnifiers or speech recognition software, or with disabled people who use it. Automated checks find only some problems, so there may be others we do not know about.',
    why: 'We plan to have the service tested by disabled people and by an accessibility specialist.',
  },
]

/** How it was tested: the checks the project's tests run on every change (.ci/run runs them all). */
export const HOW_WE_TESTED: readonly string[] = [
  'Automated checks with axe-core against WCAG 2.2 A and AA in the Chromium browser, on the sign-in page, each kind of user’s home page, the case pages, the family’s pages, the panel’s agenda and meeting pages, the letter pages, and this statement, the privacy notice and the cookies page.',
  'Checks that the family’s case page and the caseworker’s case page fit a screen 320 pixels wide without scrolling from side to side (WCAG 1.4.10 reflow).',
  'Checks that the error summary takes the keyboard focus when a form has a problem, and that focus stays on the button pressed when part of a page updates.',
  'A check that a chair can reorder a panel’s agenda without JavaScript, with plain buttons.',
  'Checks on decision letter PDFs of every kind: that they are tagged, that their fonts are embedded, that their text reads back in order with pdftotext, and that they fit their page limits.',
  'Checks on the words of letters: a reading ease score, no sentence of 20 words or more, and in Easy Read letters no sentence of more than 15 words.',
]
