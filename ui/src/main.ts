import { createApp } from 'vue'
import App from './App.vue'
import { applyDocumentLanguage, currentLang, i18n } from './i18n'
import { router } from './router'
import './style.css'

applyDocumentLanguage(currentLang())
createApp(App).use(i18n).use(router).mount('#app')
