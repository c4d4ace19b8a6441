import Vue from 'vue'
import App from './App'

Vue.config.productionTip = false

App.mpType = 'app'

// Nothing to import for `uni.saveImageToAlbum`: the mp-save-image/webpack plugin attaches it in the build.
const app = new Vue({
  ...App,
})
app.$mount()
