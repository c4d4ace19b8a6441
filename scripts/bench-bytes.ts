// What mp-save-image adds to a real app, per host and per framework build: example-taro (webpack5 and
// vite) and example-uniapp built by their own CLIs in production and in development (watch), with the
// plugin, and again with the package swapped for a stub of the same exports. Bytes = every script of
// the output gzipped -9 and summed; "added" = with the package minus with the stub.
//
//   npm run build && tsx scripts/bench-bytes.ts            (about 10 minutes on 2 cores)
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzippedScripts, taroWith, uniWith } from '../test/harness/added'
import { install, pack, root } from '../test/harness/examples'
import { buildTaro } from '../test/harness/taro'

interface Build {
  framework: string
  platform: string
  run(watch: boolean, stub: boolean): Promise<number>
}

async function main() {
  pack()
  const taroDir = install('example-taro')
  const uniDir = install('example-uniapp')
  const taroStub = taroWith('bench-stub', 'stub', taroDir)
  // uni: a copy of the example whose vite.config.ts has no plugin and aliases the package to the stub
  const stubApp = uniWith('bench-stub', 'stub')
  const out = mkdtempSync(join(tmpdir(), 'msi-uni-bench-'))

  async function taro(platform: string, compiler: 'webpack5' | 'vite', watch: boolean, stub: boolean) {
    const result = await buildTaro({ platform, compiler, watch, project: stub ? taroStub : undefined })
    if (!result.ok) throw new Error(`taro ${compiler} ${platform} failed:\n${result.log.slice(-2000)}`)
    return gzippedScripts(result.dir)
  }

  /** `uni build -p target`, or the dev server's first build (`uni -p target`), stopped once written. */
  function uni(cwd: string, target: string, watch: boolean): Promise<number> {
    const dir = join(out, `${cwd === uniDir ? 'plugin' : 'stub'}-${watch ? 'dev' : 'prod'}-${target}`)
    rmSync(dir, { recursive: true, force: true })
    const env: Record<string, string | undefined> = {}
    for (const [key, value] of Object.entries(process.env)) if (!/^(NODE_ENV|UNI_.*)$/.test(key)) env[key] = value
    const args = [...(watch ? [] : ['build']), ...(target === 'h5' ? [] : ['-p', target])]
    return new Promise((resolve, reject) => {
      const child = spawn(join(cwd, 'node_modules/.bin/uni'), args, {
        cwd,
        env: { ...env, UNI_OUTPUT_DIR: dir },
        detached: true,
      })
      let log = ''
      const onOutput = (chunk: Buffer) => {
        log += chunk.toString()
        if (watch && /Build complete\. Watching/.test(log) && existsSync(join(dir, 'app.js')) && child.pid)
          process.kill(-child.pid, 'SIGTERM')
      }
      child.stdout.on('data', onOutput)
      child.stderr.on('data', onOutput)
      child.on('close', (code) =>
        code === 0 || watch
          ? resolve(gzippedScripts(dir))
          : reject(new Error(`uni ${args.join(' ')} failed:\n${log.slice(-2000)}`)),
      )
    })
  }

  const builds: Build[] = [
    ...['weapp', 'tt', 'alipay', 'swan', 'h5'].map((platform) => ({
      framework: 'Taro webpack5',
      platform,
      run: (watch: boolean, stub: boolean) => taro(platform, 'webpack5', watch, stub),
    })),
    // Taro's vite runner 4.2.0 cannot build alipay at all
    ...['weapp', 'tt', 'swan', 'h5'].map((platform) => ({
      framework: 'Taro vite',
      platform,
      run: (watch: boolean, stub: boolean) => taro(platform, 'vite', watch, stub),
    })),
    ...['mp-weixin', 'mp-toutiao', 'mp-alipay', 'mp-baidu', 'h5'].map((target) => ({
      framework: 'uni-app',
      platform: target,
      run: (watch: boolean, stub: boolean) => uni(stub ? stubApp : uniDir, target, watch),
    })),
  ]
  const rows: Array<{ framework: string; target: string; production: number; development?: number }> = []
  for (const build of builds) {
    const row: (typeof rows)[number] = {
      framework: build.framework,
      target: build.platform,
      production: (await build.run(false, false)) - (await build.run(false, true)),
    }
    // the dev servers of H5 builds write nothing to disk: their development size is not measured
    if (build.platform !== 'h5') row.development = (await build.run(true, false)) - (await build.run(true, true))
    rows.push(row)
    console.error(JSON.stringify(row))
  }
  mkdirSync(join(root, '.bench'), { recursive: true })
  writeFileSync(join(root, '.bench', 'bytes.json'), `${JSON.stringify(rows, null, 2)}\n`)
  console.log(
    '| build | target | bytes added, production build (gz) | bytes added, development build (gz, unminified) |\n|---|---|---|---|',
  )
  for (const row of rows)
    console.log(
      `| ${row.framework} | ${row.target} | ${row.production} B | ${row.development === undefined ? '—' : `${row.development} B`} |`,
    )
  rmSync(out, { recursive: true, force: true })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
