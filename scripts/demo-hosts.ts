// The demo: the built package on every simulated mini-program host of the table, printing what a user would see.
import { HOSTS } from '../src/hosts'
import type { SimulatedHost } from '../src/testing'
import { PROFILES, type SimulatedPlatform } from '../src/testing/profiles'

type Api = typeof import('../src/core/entry')
type Testing = typeof import('../src/testing')
type Source = Parameters<Api['saveImageToAlbum']>[0]
const POSTER = 'https://cdn.example.com/poster.png'

const describeSource = (source: Source) => {
  const src = (typeof source === 'string' ? source : (source.src ?? source.base64)) || ''
  return src.length > 60 ? `${src.slice(0, 40)}… (${src.length} chars)` : src
}

function steps(host: SimulatedHost, from: number) {
  return host.calls
    .slice(from)
    .map((call) => call.api)
    .filter((api) => !['canIUse', 'getFileSystemManager'].includes(api))
}

async function attempt(api: Api, host: SimulatedHost, label: string, source: Source) {
  const from = host.calls.length
  const uiFrom = host.ui.length
  try {
    const result = await api.saveImageToAlbum(source)
    console.log(`  ✔ ${label}: ${describeSource(source)}`)
    console.log(`      host calls: ${steps(host, from).join(' → ')}`)
    for (const event of host.ui.slice(uiFrom) as Array<{ type: string; title?: string; content?: string }>)
      console.log(
        `      user sees: ${event.type}${event.title ? ` “${event.title}${event.content ? `: ${event.content}` : ''}”` : ''}`,
      )
    console.log(`      saved ${result.filePath}; album now has ${host.album.length}`)
  } catch (failure) {
    const error = failure as { code: string; errMsg: string }
    console.log(`  ✘ ${label}: ${describeSource(source)}`)
    console.log(`      ${error.code} — ${error.errMsg}`)
    if (steps(host, from).length) console.log(`      host calls: ${steps(host, from).join(' → ')}`)
  }
}

async function main() {
  const { fixtures, installHost, toBase64, toDataUri } = (await import('mp-save-image/testing')) as Testing
  for (const { id, name } of HOSTS) {
    if (!(id in PROFILES)) continue
    const platform = id as SimulatedPlatform
    const api = (await import(`mp-save-image/${platform}`)) as Api
    console.log(`\n━━ ${name} (${platform}) ━━`)
    const host = installHost(platform, { permission: 'not-asked', prompt: 'allow' })
    host.downloads.set(POSTER, { status: 200, body: fixtures.png, contentType: 'image/png' })
    host.downloads.set('https://cdn.example.com/gone.png', {
      status: 404,
      body: fixtures.html,
      contentType: 'text/html',
    })
    host.addFile('/static/poster.png', fixtures.jpeg)

    await attempt(api, host, 'network poster', POSTER)
    await attempt(api, host, 'canvas data URI', toDataUri(fixtures.png, 'image/png'))
    await attempt(api, host, 'raw base64 (format sniffed)', { base64: toBase64(fixtures.webp) })
    await attempt(api, host, 'package file', '/static/poster.png')

    console.log('  — the user turns the album permission off —')
    host.state.permission = 'denied'
    host.state.prompt = 'deny' // Alipay asks again after a plain denial: the user refuses again
    await attempt(api, host, 'denied → guide → settings → retry', POSTER)

    const batch = await api.saveImagesToAlbum([POSTER, '/static/poster.png', { base64: toBase64(fixtures.gif) }], {
      onProgress: ({
        done,
        total,
        index,
        error,
      }: {
        done: number
        total: number
        index: number
        error?: { code: string }
      }) => console.log(`      batch ${done}/${total}: #${index} ${error ? error.code : 'saved'}`),
    })
    console.log(`  ✔ batch of ${batch.length}: ${batch.filter((r) => r.ok).length} saved`)

    await attempt(api, host, 'a 404 URL', 'https://cdn.example.com/gone.png')
    await attempt(api, host, 'an SVG data URI', toDataUri(fixtures.svg, 'image/svg+xml'))
    await attempt(api, host, 'a javascript: URL', 'javascript:alert(1)')
    console.log(`  files left in ${host.userDataPath}: ${host.userFiles().length}`)
    host.uninstall()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
