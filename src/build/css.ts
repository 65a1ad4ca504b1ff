import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { findProjectRoot } from '../config'
import { elapsedMs, startTimer } from '../services/clock'

/**
 * What the stylesheet is made from: our Sass files, and the versions of govuk-frontend (whose Sass
 * they load) and of the compiler. Equal fingerprints mean the compiled file is current.
 */
export function cssInputsFingerprint(root: string): string {
  const hash = crypto.createHash('sha256')
  const scssDir = path.join(root, 'static/scss')
  for (const name of fs.readdirSync(scssDir, { recursive: true }).map(String).sort()) {
    const file = path.join(scssDir, name)
    if (fs.statSync(file).isFile()) hash.update(`${name}\0`).update(fs.readFileSync(file)).update('\0')
  }
  for (const pkg of ['govuk-frontend', 'sass']) {
    hash.update(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json')))
  }
  return hash.digest('hex')
}

/**
 * Compiles the council-branded GOV.UK Frontend stylesheet into dist/public/panel.css, unless the one
 * there was made from the same inputs (a second `npm start` then skips the 3 s Sass compile).
 */
export async function buildCss(
  root: string = findProjectRoot(),
): Promise<{ outFile: string; built: boolean }> {
  const outFile = path.join(root, 'dist/public/panel.css')
  const stampFile = `${outFile}.inputs`
  const fingerprint = cssInputsFingerprint(root)
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : ''
  if (stamp === fingerprint && fs.existsSync(outFile)) return { outFile, built: false }
  // Loaded only when needed: the compiler alone takes a while to load.
  const sass = await import('sass')
  const result = sass.compile(path.join(root, 'static/scss/panel.scss'), {
    loadPaths: [path.join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  })
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, result.css)
  fs.writeFileSync(stampFile, fingerprint)
  return { outFile, built: true }
}

if (require.main === module) {
  const started = startTimer()
  buildCss().then(
    ({ outFile, built }) => {
      if (built)
        console.log(`Built ${path.relative(process.cwd(), outFile)} in ${Math.round(elapsedMs(started))} ms`)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
