import { createApp } from 'vue'
import './app.css'

const App = createApp({
  onShow() {
    console.log('App onShow.')
  },
  // 入口组件不需要实现 render 方法，即使实现了也会被 taro 所覆盖
})

export default App
