import { Button, Canvas, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useState } from 'react'
// The same core as `Taro.saveImageToAlbum`: one queue and one permission state per app.
import {
  isSaveImageError,
  saveImageToAlbum,
  type CanvasNode,
  type MediaOutcome,
  type SaveImageResult,
  type SaveMode,
  type SaveVideoResult,
} from 'mp-save-image'
import { BATCH, CANVAS_DATA_URI, MEDIA, POSTER_URL, QR_SVG_URL, VIDEO_URL } from '../../images'
import './index.css'

const describe = (error: unknown) => (isSaveImageError(error) ? error.code : String(error))
// In a browser (H5) the image is shared, downloaded or shown for long-press: say which, never "saved".
const word = (mode: SaveMode) => (mode === 'album' ? 'saved' : mode)
const saved = (r: SaveImageResult | SaveVideoResult) =>
  `${word(r.mode)} ${r.filePath}${'converted' in r && r.converted ? ` (as ${r.converted})` : ''}`
/** A batch's outcomes in a line: how many were saved (and how), and the codes of those that were not. */
const summary = (outcomes: MediaOutcome[]) => {
  const done = outcomes.flatMap((o) => (o.ok ? [word(o.result.mode)] : []))
  const failed = outcomes.flatMap((o) => (o.ok ? [] : [o.error.code]))
  return `${done.length}/${outcomes.length} ${[...new Set(done)].join('+') || 'saved'}${failed.length ? ` (${failed.join(', ')})` : ''}`
}

interface PosterCanvas extends CanvasNode {
  width: number
  height: number
}

/** Draws a small poster on the page's Canvas 2D (`<Canvas type='2d' id='poster'>`) and resolves its node. */
function drawPoster(): Promise<PosterCanvas> {
  return new Promise((resolve, reject) =>
    Taro.createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: PosterCanvas } | null>) => {
        const canvas = res[0] && res[0].node
        if (!canvas) return reject(new Error('no Canvas 2D node for #poster'))
        canvas.width = 240
        canvas.height = 320
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
        ctx.fillStyle = '#c0392b'
        ctx.fillRect(0, 0, 240, 320)
        ctx.fillStyle = '#ffffff'
        ctx.font = '28px sans-serif'
        ctx.fillText('mp-save-image', 24, 168)
        resolve(canvas)
      }),
  )
}

export default function Index() {
  const [status, setStatus] = useState('ready')
  const [detail, setDetail] = useState('')
  const [needsSettings, setNeedsSettings] = useState(false)
  // Taro's page hooks, as `taro init` pages use them: the line shows they ran
  const [lifecycle, setLifecycle] = useState<string[]>([])
  const record = (event: string) => setLifecycle((events) => [...events, event])

  useLoad(() => {
    console.log('Page loaded.')
    record('loaded')
  })
  useDidShow(() => record('shown'))

  const run = (label: string, work: () => Promise<string>) => () => {
    setStatus(`${label}: saving…`)
    setDetail('')
    work().then(
      (done) => setStatus(`${label}: ${done}`),
      (error: unknown) => {
        setStatus(`${label}: ${describe(error)}`)
        // the message is for developers: it says why (e.g. which build target has no adapter)
        setDetail(isSaveImageError(error) ? error.message : '')
      },
    )
  }

  const savePoster = run('poster', () => Taro.saveImageToAlbum(POSTER_URL).then(saved))

  const saveCanvas = run('canvas', () => Taro.saveImageToAlbum({ src: CANVAS_DATA_URI }).then(saved))

  // Straight from the canvas: the package exports it (canvasToTempFilePath, toTempFilePath or toBlob) and saves it.
  const saveDrawn = run('drawn', () =>
    drawPoster()
      .then((canvas) => Taro.saveImageToAlbum({ canvas }))
      .then(saved),
  )

  const saveQr = run('qr', () => Taro.saveImageToAlbum(QR_SVG_URL).then(saved))

  const saveBatch = run('batch', () => Taro.saveImagesToAlbum(BATCH).then(summary))

  const saveVideo = run('video', () => Taro.saveVideoToAlbum(VIDEO_URL).then(saved))

  const saveMedia = run('media', () => Taro.saveMediaToAlbum(MEDIA).then(summary))

  // Headless: no guide modal; the app draws its own prompt and an "open settings" button.
  const saveHeadless = run('headless', () =>
    saveImageToAlbum({ src: POSTER_URL, guide: false }).then(saved, (error: unknown) => {
      if (isSaveImageError(error) && error.code === 'AUTH_DENIED') setNeedsSettings(true)
      throw error
    }),
  )

  // Must run synchronously inside the tap: WeChat only opens settings from a user gesture.
  const openSettings = run('settings', () =>
    Taro.openAlbumSetting().then((allowed) => {
      setNeedsSettings(!allowed)
      return allowed ? 'album allowed' : 'album still off'
    }),
  )

  return (
    <View className='page'>
      <Button className='button' onClick={savePoster}>
        Save poster (URL)
      </Button>
      <Button className='button' onClick={saveCanvas}>
        Save canvas (base64)
      </Button>
      <Button className='button' onClick={saveDrawn}>
        Draw and save (canvas)
      </Button>
      <Button className='button' onClick={saveQr}>
        Save QR code (SVG)
      </Button>
      <Button className='button' onClick={saveBatch}>
        Save batch of 3
      </Button>
      <Button className='button' onClick={saveVideo}>
        Save video
      </Button>
      <Button className='button' onClick={saveMedia}>
        Save image + video
      </Button>
      <Button className='button' onClick={saveHeadless}>
        Save headless
      </Button>
      {needsSettings && <Text className='hint'>Album access is off.</Text>}
      <Button className='button' onClick={openSettings}>
        Open settings
      </Button>
      <Text className='status'>{status}</Text>
      <Text className='lifecycle'>{lifecycle.join(' ')}</Text>
      {detail && <Text className='detail'>{detail}</Text>}
      <Canvas type='2d' id='poster' className='poster' />
    </View>
  )
}
