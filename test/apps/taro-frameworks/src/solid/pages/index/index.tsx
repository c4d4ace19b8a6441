import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { createSignal } from 'solid-js'
import { isSaveImageError } from 'mp-save-image'

export default function Index() {
  const [status, setStatus] = createSignal('ready')
  const [lifecycle, setLifecycle] = createSignal<string[]>([])
  const record = (event: string) => setLifecycle((events) => [...events, event])

  useLoad(() => {
    console.log('Page loaded.')
    record('loaded')
  })
  useDidShow(() => record('shown'))

  const savePoster = () => {
    setStatus('poster: saving…')
    Taro.saveImageToAlbum('https://cdn.example.com/poster.png').then(
      (result) => setStatus(`poster: ${result.mode} ${result.filePath}`),
      (error: unknown) => setStatus(`poster: ${isSaveImageError(error) ? error.code : String(error)}`),
    )
  }

  return (
    <View class='index'>
      <Text>Hello world!</Text>
      <Button onClick={savePoster}>Save poster (URL)</Button>
      <Text class='status'>{status()}</Text>
      <Text class='lifecycle'>{lifecycle().join(' ')}</Text>
    </View>
  )
}
