import type { PropsWithChildren } from 'react'
import './lib/a11y'
import { listenForPrivacyRequests } from './services/privacy'
import './app.scss'

listenForPrivacyRequests()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
