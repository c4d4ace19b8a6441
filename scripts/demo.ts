// The demo: example-taro, built by the real Taro CLI for WeChat from the packed package, run in Node
// on the simulated WeChat host, with its buttons tapped the way a user would.
import { BATCH, POSTER_URL as POSTER } from '../example-taro/src/images'
import type { UiEvent } from '../src/testing'
import { install, pack } from '../test/harness/examples'
import { buildTaro, loadTaroApp, type LoadedApp } from '../test/harness/taro'

type Testing = typeof import('../src/testing')

function describeUi(event: UiEvent): string {
  switch (event.type) {
    case 'loading':
      return `loading indicator “${event.title}”`
    case 'hide-loading':
      return 'loading indicator hidden'
    case 'permission-prompt':
      return 'WeChat asks: allow “save to album”?'
    case 'modal':
      return `modal “${event.title}: ${event.content}” [${event.cancelText} | ${event.confirmText}]`
    case 'settings':
      return 'WeChat settings page (the user switches “Add to album” on)'
    default:
      return `${event.type}${'title' in event && event.title ? ` “${event.title}”` : ''}`
  }
}

async function tap(app: LoadedApp, label: string, statusPrefix: string, note?: string) {
  const { host } = app
  const calls = host.calls.length
  const ui = host.ui.length
  const album = host.album.length
  console.log(`\n▶ the user taps “${label}”${note ? ` (${note})` : ''}`)
  app.tap(label)
  const status = await app.status(statusPrefix)
  await host.idle()
  for (const event of host.ui.slice(ui)) console.log(`    user sees: ${describeUi(event)}`)
  const apis = host.calls
    .slice(calls)
    .map((call) => call.api)
    .filter((api) => !['getFileSystemManager', 'canIUse'].includes(api))
  console.log(`    host calls: ${apis.join(' → ') || '(none)'}`)
  console.log(`    status line: ${status}`)
  console.log(`    album: ${host.album.length} image(s) (+${host.album.length - album})`)
}

async function main() {
  console.log(
    'Packing mp-save-image and installing it into example-taro (the first run installs Taro: about a minute)…',
  )
  pack()
  install('example-taro')
  console.log('Building example-taro for WeChat with the real Taro CLI (taro build --type weapp)…')
  const build = await buildTaro({ platform: 'weapp' })
  if (!build.ok) {
    console.error(build.log.slice(-3000))
    process.exit(1)
  }
  console.log(`Built in ${(build.ms / 1000).toFixed(1)} s → example-taro/dist/demo/weapp`)

  const { fixtures } = (await import('mp-save-image/testing')) as Testing
  const app = await loadTaroApp(build.dir, 'weapp', {
    client: 'ios',
    permission: 'not-asked',
    prompt: 'allow',
    latency: 20,
  })
  for (const url of [POSTER, ...BATCH])
    app.host.downloads.set(
      url,
      url === POSTER
        ? { status: 200, body: fixtures.png, contentType: 'image/png' }
        : { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' },
    )
  // the page's <Canvas type='2d' id='poster'>, as WeChat renders it
  app.host.addCanvas('poster', { width: 240, height: 320 })
  console.log(`\nThe page shows: ${app.texts().join(' | ')}`)

  await tap(app, 'Save poster (URL)', 'poster', 'first save: WeChat asks for the album permission')
  await tap(app, 'Save canvas (base64)', 'canvas')
  await tap(app, 'Draw and save (canvas)', 'drawn', 'a poster drawn on the Canvas 2D, saved straight from the canvas')
  await tap(app, 'Save batch of 3', 'batch', 'one saveMediaToPhotosAlbum call for the three')

  console.log('\n— the user turns “Add to album” off in WeChat settings —')
  app.host.state.permission = 'denied'
  app.host.state.modal = 'confirm'
  await tap(app, 'Save poster (URL)', 'poster', 'the guide opens settings from the modal’s button')

  app.host.state.permission = 'denied'
  await tap(app, 'Save headless', 'headless', 'guide: false — the app shows its own hint')
  console.log(
    `    the page now shows: ${
      app
        .texts()
        .filter((text) => text === 'Album access is off.')
        .join('') || '(no hint)'
    }`,
  )
  await tap(app, 'Open settings', 'settings')
  await tap(app, 'Save headless', 'headless')

  console.log(`\nFiles left in the user data folder: ${app.host.userFiles().length}`)
  app.unload()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
