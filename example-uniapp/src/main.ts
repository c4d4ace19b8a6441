import { createSSRApp } from 'vue'
import App from './App.vue'

// Nothing to import for `uni.saveImageToAlbum`: the mp-save-image/vite plugin attaches it in the build.
export function createApp() {
  const app = createSSRApp(App)
  return { app }
}
