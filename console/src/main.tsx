// The editor's styles come first: the console's own sheet builds on its variables and controls.
import '@switchyard/rule-editor'
import './ui/console.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './shell/App'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
