// Loaded at the top of <body> (not inline, so the CSP needs no 'unsafe-inline'): tells the GOV.UK
// styles that JavaScript is running before the page is first drawn.
document.body.className +=
  ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
