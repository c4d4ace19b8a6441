import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { isSaveImageError } from 'mp-save-image'

export default function Index() {
  const [status, setStatus] = useState('ready')
  const [lifecycle, setLifecycle] = useState<string[]>([])
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
    <View className='index'>
      <Text>Hello world!</Text>
      <Button onClick={savePoster}>Save poster (URL)</Button>
      <Text className='status'>{status}</Text>
      <Text className='lifecycle'>{lifecycle.join(' ')}</Text>
    </View>
  )
}
