import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
// The same core as `Taro.saveImageToAlbum`: one queue and one permission state per app.
import { isSaveImageError, saveImageToAlbum, type SaveImageResult, type SaveMode } from 'mp-save-image'
import { BATCH, CANVAS_DATA_URI, POSTER_URL } from '../../images'
import './index.css'

const describe = (error: unknown) => (isSaveImageError(error) ? error.code : String(error))
// In a browser (H5) the image is shared, downloaded or shown for long-press: say which, never "saved".
const word = (mode: SaveMode) => (mode === 'album' ? 'saved' : mode)
const saved = (r: SaveImageResult) => `${word(r.mode)} ${r.filePath}`

export default function Index() {
  const [status, setStatus] = useState('ready')
  const [detail, setDetail] = useState('')
  const [needsSettings, setNeedsSettings] = useState(false)

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

  const saveBatch = run('batch', () =>
    Taro.saveImagesToAlbum(BATCH).then((outcomes) => {
      const done = outcomes.flatMap((o) => (o.ok ? [word(o.result.mode)] : []))
      const failed = outcomes.flatMap((o) => (o.ok ? [] : [o.error.code]))
      return `${done.length}/${outcomes.length} ${[...new Set(done)].join('+') || 'saved'}${failed.length ? ` (${failed.join(', ')})` : ''}`
    }),
  )

  // Headless: no guide modal; the app draws its own prompt and an "open settings" button.
  const saveHeadless = run('headless', () =>
    saveImageToAlbum({ src: POSTER_URL, guide: false }).then(
      saved,
      (error: unknown) => {
        if (isSaveImageError(error) && error.code === 'AUTH_DENIED') setNeedsSettings(true)
        throw error
      },
    ),
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
      <Button className='button' onClick={savePoster}>Save poster (URL)</Button>
      <Button className='button' onClick={saveCanvas}>Save canvas (base64)</Button>
      <Button className='button' onClick={saveBatch}>Save batch of 3</Button>
      <Button className='button' onClick={saveHeadless}>Save headless</Button>
      {needsSettings && <Text className='hint'>Album access is off.</Text>}
      <Button className='button' onClick={openSettings}>Open settings</Button>
      <Text className='status'>{status}</Text>
      {detail && <Text className='detail'>{detail}</Text>}
    </View>
  )
}
