import fs from 'node:fs'
import path from 'node:path'
import * as sass from 'sass'
import { findProjectRoot } from '../config'
import { elapsedMs, startTimer } from '../services/clock'

/** Compiles the council-branded GOV.UK Frontend stylesheet into dist/public/panel.css. */
export function buildCss(root: string = findProjectRoot()): string {
  const result = sass.compile(path.join(root, 'static/scss/panel.scss'), {
    loadPaths: [path.join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  })
  const outFile = path.join(root, 'dist/public/panel.css')
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, result.css)
  return outFile
}

if (require.main === module) {
  const started = startTimer()
  const outFile = buildCss()
  console.log(`Built ${path.relative(process.cwd(), outFile)} in ${Math.round(elapsedMs(started))} ms`)
}
