import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { isSaveImageError, saveImageToAlbum } from 'mp-save-image'
import './index.css'

const POSTER_URL = 'https://cdn.example.com/poster.png'
const BATCH = [
  'https://cdn.example.com/set/1.jpg',
  'https://cdn.example.com/set/2.jpg',
  'https://cdn.example.com/set/3',
]

const describe = (error: unknown) => (isSaveImageError(error) ? error.code : String(error))

export default function Index() {
  const [status, setStatus] = useState('ready')
  const [lifecycle, setLifecycle] = useState<string[]>([])
  const record = (event: string) => setLifecycle((events) => [...events, event])

  useLoad(() => {
    console.log('Page loaded.')
    record('loaded')
  })
  useDidShow(() => record('shown'))

  const run = (label: string, work: () => Promise<string>) => () => {
    setStatus(`${label}: saving…`)
    work().then(
      (done) => setStatus(`${label}: ${done}`),
      (error: unknown) => setStatus(`${label}: ${describe(error)}`),
    )
  }

  const savePoster = run('poster', () => Taro.saveImageToAlbum(POSTER_URL).then((r) => `${r.mode} ${r.filePath}`))
  const saveBatch = run('batch', () =>
    Taro.saveImagesToAlbum(BATCH).then((outcomes) => `${outcomes.filter((o) => o.ok).length}/${outcomes.length} saved`),
  )
  // the direct import and Taro.saveImageToAlbum are the same function
  const saveHeadless = run('headless', () => saveImageToAlbum({ src: POSTER_URL, guide: false }).then((r) => r.mode))
  const openSettings = run('settings', () =>
    Taro.openAlbumSetting().then((on) => (on ? 'album allowed' : 'album still off')),
  )

  return (
    <View className='index'>
      <Text>Hello world!</Text>
      <Button onClick={savePoster}>Save poster (URL)</Button>
      <Button onClick={saveBatch}>Save batch of 3</Button>
      <Button onClick={saveHeadless}>Save headless</Button>
      <Button onClick={openSettings}>Open settings</Button>
      <Text className='status'>{status}</Text>
      <Text className='lifecycle'>{lifecycle.join(' ')}</Text>
    </View>
  )
}
