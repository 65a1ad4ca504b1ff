/**
 * `npm run build` and the build before `npm start`: TypeScript in build mode, which compiles only
 * when a source, a tsconfig or the compiler changed since the last build (dist/*.tsbuildinfo), then
 * the stylesheet, compiled only when its inputs changed (src/build/css.ts).
 *
 * When every compiled file is there and nothing TypeScript reads is newer than the build info, the
 * compiler is not even loaded (it takes a second or more on a busy machine): that is the check build
 * mode makes itself, by the same modification times. Build mode trusts that what it wrote is still
 * there, so when a compiled file is missing (dist/ cleaned by hand) the build is forced: a start
 * never runs on part of an old build.
 */
const { spawnSync } = require('node:child_process')
const process = require('node:process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')
const SOURCE_DIRS = ['src', 'migrations', 'bench']
const BUILD_INFO = path.join(root, 'dist/tsconfig.build.tsbuildinfo')
/** Besides the sources: the project settings and the compiler itself. */
const OTHER_INPUTS = [
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'node_modules/typescript/package.json',
]

function sources() {
  const files = []
  for (const dir of SOURCE_DIRS) {
    for (const name of fs.readdirSync(path.join(root, dir), { recursive: true }).map(String)) {
      if (name.endsWith('.ts')) files.push(path.join(dir, name))
    }
  }
  return files
}

function missingOutputs(files) {
  return files.some(
    (file) =>
      !file.endsWith('.d.ts') && !fs.existsSync(path.join(root, 'dist', file.replace(/\.ts$/, '.js'))),
  )
}

function upToDate(files) {
  if (!fs.existsSync(BUILD_INFO)) return false
  const built = fs.statSync(BUILD_INFO).mtimeMs
  return [...files, ...OTHER_INPUTS].every((file) => fs.statSync(path.join(root, file)).mtimeMs < built)
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const files = sources()
const missing = missingOutputs(files)
if (missing || !upToDate(files)) {
  run([
    require.resolve('typescript/bin/tsc'),
    '--build',
    'tsconfig.build.json',
    ...(missing ? ['--force'] : []),
  ])
}
require(path.join(root, 'dist/src/build/css.js'))
  .buildCss(root)
  .then(({ outFile, built }) => {
    if (built) process.stdout.write(`Built ${path.relative(process.cwd(), outFile)}\n`)
  })
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
