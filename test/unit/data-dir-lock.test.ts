import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { lockDataDir } from '../../src/data/db'

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'panel-lock-'))
}

test('a second process cannot open a data folder that a live process holds', async () => {
  const dir = tempDir()
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
  try {
    fs.writeFileSync(path.join(dir, 'panel.lock'), String(holder.pid))
    expect(() => lockDataDir(dir)).toThrow(/in use by process/)
  } finally {
    holder.kill()
  }
})

test('a lock left by a process that has died is taken over, and released on unlock', () => {
  const dir = tempDir()
  fs.writeFileSync(path.join(dir, 'panel.lock'), '999999999')
  const unlock = lockDataDir(dir)
  expect(fs.readFileSync(path.join(dir, 'panel.lock'), 'utf8')).toBe(String(process.pid))
  unlock()
  expect(fs.existsSync(path.join(dir, 'panel.lock'))).toBe(false)
})
