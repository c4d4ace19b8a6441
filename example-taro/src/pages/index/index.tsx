import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
// The same core as `Taro.saveImageToAlbum`: one queue and one permission state per app.
import { isSaveImageError, saveImageToAlbum } from 'mp-save-image'
import { BATCH, CANVAS_DATA_URI, POSTER_URL } from '../../images'
import './index.css'

const describe = (error: unknown) => (isSaveImageError(error) ? error.code : String(error))

export default function Index() {
  const [status, setStatus] = useState('ready')
  const [needsSettings, setNeedsSettings] = useState(false)

  const run = (label: string, work: () => Promise<string>) => () => {
    setStatus(`${label}: saving…`)
    work().then(
      (done) => setStatus(`${label}: ${done}`),
      (error: unknown) => setStatus(`${label}: ${describe(error)}`),
    )
  }

  const savePoster = run('poster', () => Taro.saveImageToAlbum(POSTER_URL).then((r) => `saved ${r.filePath}`))

  const saveCanvas = run('canvas', () => Taro.saveImageToAlbum({ src: CANVAS_DATA_URI }).then((r) => `saved ${r.filePath}`))

  const saveBatch = run('batch', () =>
    Taro.saveImagesToAlbum(BATCH).then((outcomes) => {
      const saved = outcomes.filter((o) => o.ok).length
      const failed = outcomes.map((o) => (o.ok ? '' : o.error.code)).filter(Boolean)
      return `${saved}/${outcomes.length} saved${failed.length ? ` (${failed.join(', ')})` : ''}`
    }),
  )

  // Headless: no guide modal; the app draws its own prompt and an "open settings" button.
  const saveHeadless = run('headless', () =>
    saveImageToAlbum({ src: POSTER_URL, guide: false }).then(
      (r) => `saved ${r.filePath}`,
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
    </View>
  )
}
