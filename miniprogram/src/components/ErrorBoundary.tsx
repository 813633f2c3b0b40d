import { Component, type ReactNode } from 'react'
import { ResultPage } from './ResultPage'
import { goHome } from '../services/nav'

interface State {
  failed: boolean
}

/**
 * Catches an error while the page renders and shows what happened with a way out (重试 / 返回首页), instead of
 * the blank page Taro's own boundary leaves. 重试 renders the page again.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    console.warn('[page] render failed', error)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <ResultPage
        className="page-error"
        title="页面出错了"
        text="这个页面暂时打不开。请点「重试」；如果还是不行，请返回首页。"
        primary={{ text: '重试', className: 'page-error-retry', onClick: () => this.setState({ failed: false }) }}
        secondary={{ text: '返回首页', className: 'page-error-home', onClick: goHome }}
      />
    )
  }
}
