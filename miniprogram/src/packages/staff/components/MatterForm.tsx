import type { ReactNode } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { statusLabels } from '@contracts/deliberation'
import { Screen } from '../../../components/Screen'
import { ResultPage } from '../../../components/ResultPage'
import { Loading } from '../../../components/StateView'
import { useAsync } from '../../../components/useAsync'
import { useRequireLogin } from '../../../components/useRequireLogin'
import { useSubmit, type SubmitOptions } from '../../../components/useSubmit'
import { getMatter } from '../../../services/api/deliberation'
import { PAGES, goBackOrHome, returnTo, withQuery } from '../../../services/nav'
import './MatterForm.scss'

/**
 * A staff form about one matter (`matterId` in the URL): loads it, and shows the form only when the server's
 * `can` lists `action` for the caller; otherwise it says why not, with the way back.
 */
export function MatterForm({
  action,
  deniedText,
  children,
}: {
  action: string
  deniedText: string
  children: (matter: Matter) => ReactNode
}) {
  const { params } = useRouter()
  const matterId = String(params.matterId ?? '')
  const loggedIn = useRequireLogin()
  const matter = useAsync(() => getMatter(matterId), [matterId], loggedIn)

  const screen = (content: ReactNode) => <Screen className="matter-form">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (matter.loading && !matter.data) return screen(<Loading />)
  if (!matter.data) {
    return screen(
      <ResultPage
        className="error-state"
        title="议题加载失败"
        text={matter.error ?? '加载失败'}
        primary={
          matter.errorCode === 'matter.notFound'
            ? undefined
            : { text: '重试', onClick: matter.reload, className: 'error-state__retry' }
        }
        secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
      />,
    )
  }
  const m = matter.data
  return screen(
    <>
      <View className="matter-form__head">
        <Text className="matter-form__title">{m.title}</Text>
        <Text className="matter-form__sub">
          {m.scope.name} · {m.categoryName} · {statusLabels[m.status]}
        </Text>
      </View>
      {m.can.includes(action) ? (
        children(m)
      ) : (
        <ResultPage
          className="error-state"
          title="无法操作"
          text={deniedText}
          primary={{ text: '回到议题', onClick: () => backToMatter(m.matterId), className: 'result-back' }}
        />
      )}
    </>,
  )
}

/** After a form succeeds: back to the matter page, which reloads when shown. */
export const backToMatter = (matterId: string) => returnTo(withQuery(PAGES.matter, { matterId }))

/**
 * A staff form's sending half: components/useSubmit (one submission at a time, errors at their fields, cleared
 * once valid) that goes back to the matter once the API accepts.
 */
export function useMatterSubmit<F extends string>(matterId: string, options: SubmitOptions<F>) {
  const form = useSubmit<F>(options)
  const send = async (run: () => Promise<unknown>) => {
    const done = await form.submit(async () => {
      await run()
      return true
    })
    if (done) backToMatter(matterId)
  }
  return { ...form, send }
}
