import { initAll } from '/static/vendor/govuk-frontend.min.js'

initAll()

const csrfToken = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content')

// Every htmx request carries the session's CSRF token, as every form does in its _csrf field.
document.addEventListener('htmx:config:request', (event) => {
  if (csrfToken) event.detail.ctx.request.headers['X-CSRF-Token'] = csrfToken
})

// Content swapped in by htmx gets its GOV.UK behaviour, and only that content is initialised again.
document.addEventListener('htmx:after:swap', (event) => {
  const target = event.detail?.ctx?.target
  if (target instanceof Element) initAll({ scope: target })
})

// After htmx swaps the agenda, focus returns to the button that was pressed, on the item's new row,
// so that keyboard and screen reader users can keep moving it without finding their place again.
document.addEventListener('htmx:after:swap', () => {
  const toFocus = document.querySelector('[data-focus-after-swap]')
  if (toFocus instanceof window.HTMLElement) {
    toFocus.removeAttribute('data-focus-after-swap')
    toFocus.focus()
  }
})
