// The demo: the built package on all four simulated hosts, printing what a user would see.
import { fixtures, installHost, toBase64, toDataUri } from 'mp-save-image/testing'

const HOSTS = [
  ['weapp', 'WeChat 微信'],
  ['tt', 'Douyin 抖音'],
  ['alipay', 'Alipay 支付宝'],
  ['swan', 'Baidu 百度'],
]
const POSTER = 'https://cdn.example.com/poster.png'

const describeSource = (source) => {
  const src = typeof source === 'string' ? source : source.src ?? source.base64
  return src.length > 60 ? `${src.slice(0, 40)}… (${src.length} chars)` : src
}

function steps(host, from) {
  return host.calls.slice(from).map((call) => call.api).filter((api) => !['canIUse', 'getFileSystemManager'].includes(api))
}

async function attempt(api, host, label, source) {
  const from = host.calls.length
  const uiFrom = host.ui.length
  try {
    const result = await api.saveImageToAlbum(source)
    console.log(`  ✔ ${label}: ${describeSource(source)}`)
    console.log(`      host calls: ${steps(host, from).join(' → ')}`)
    for (const event of host.ui.slice(uiFrom)) console.log(`      user sees: ${event.type}${event.title ? ` “${event.title}${event.content ? `: ${event.content}` : ''}”` : ''}`)
    console.log(`      saved ${result.filePath}; album now has ${host.album.length}`)
  } catch (error) {
    console.log(`  ✘ ${label}: ${describeSource(source)}`)
    console.log(`      ${error.code} — ${error.errMsg}`)
    if (steps(host, from).length) console.log(`      host calls: ${steps(host, from).join(' → ')}`)
  }
}

for (const [platform, name] of HOSTS) {
  const api = await import(`mp-save-image/${platform}`)
  console.log(`\n━━ ${name} (${platform}) ━━`)
  const host = installHost(platform, { permission: 'not-asked', prompt: 'allow' })
  host.downloads.set(POSTER, { status: 200, body: fixtures.png, contentType: 'image/png' })
  host.downloads.set('https://cdn.example.com/gone.png', { status: 404, body: fixtures.html, contentType: 'text/html' })
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
    onProgress: ({ done, total, index, error }) => console.log(`      batch ${done}/${total}: #${index} ${error ? error.code : 'saved'}`),
  })
  console.log(`  ✔ batch of ${batch.length}: ${batch.filter((r) => r.ok).length} saved`)

  await attempt(api, host, 'a 404 URL', 'https://cdn.example.com/gone.png')
  await attempt(api, host, 'an SVG data URI', toDataUri(fixtures.svg, 'image/svg+xml'))
  await attempt(api, host, 'a javascript: URL', 'javascript:alert(1)')
  console.log(`  files left in ${host.userDataPath}: ${host.userFiles().length}`)
  host.uninstall()
}
