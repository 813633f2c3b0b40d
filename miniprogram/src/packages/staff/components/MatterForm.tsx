import { useEffect, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { statusLabels } from '@contracts/deliberation'
import { ErrorState, Loading } from '../../../components/StateView'
import { useAsync } from '../../../components/useAsync'
import { getMatter } from '../../../services/api/deliberation'
import { ApiError, fieldErrors, messageOf } from '../../../services/http'
import { PAGES, currentUrl, returnTo, withQuery } from '../../../services/nav'
import { isLoggedIn } from '../../../services/session'
import './MatterForm.scss'

/**
 * A staff form about one matter (`matterId` in the URL): loads it, and shows the form only when the server's
 * `can` lists `action` for the caller; otherwise it says why not.
 */
export function MatterForm({ action, deniedText, children }: { action: string; deniedText: string; children: (matter: Matter) => ReactNode }) {
  const { params } = useRouter()
  const matterId = String(params.matterId ?? '')
  const loggedIn = isLoggedIn()
  useEffect(() => {
    if (!loggedIn) void Taro.redirectTo({ url: withQuery(PAGES.login, { redirect: currentUrl() }) })
  }, [loggedIn])
  const matter = useAsync(() => getMatter(matterId), [matterId], loggedIn)

  if (!loggedIn) return <Loading text="请先登录…" />
  if (matter.loading) return <Loading />
  if (matter.error || !matter.data) {
    return (
      <View className="page">
        <ErrorState message={matter.error ?? '加载失败'} onRetry={matter.errorCode === 'matter.notFound' ? undefined : matter.reload} />
      </View>
    )
  }
  const m = matter.data
  return (
    <View className="page matter-form">
      <View className="matter-form__head">
        <Text className="matter-form__title">{m.title}</Text>
        <Text className="matter-form__sub">
          {m.scope.name} · {m.categoryName} · {statusLabels[m.status]}
        </Text>
      </View>
      {m.can.includes(action) ? children(m) : <ErrorState title="无法操作" message={deniedText} />}
    </View>
  )
}

/** After a form succeeds: back to the matter page, which reloads when shown. */
export const backToMatter = (matterId: string) => returnTo(withQuery(PAGES.matter, { matterId }))

/**
 * The sending half of a staff form: one submission at a time; on success back to the matter; on failure the
 * API's field errors at their fields and its message above the form, with everything typed kept.
 */
export function useMatterSubmit<F extends string>(matterId: string) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({})
  const [formError, setFormError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const send = async (run: () => Promise<unknown>) => {
    setSubmitting(true)
    try {
      await run()
      backToMatter(matterId)
    } catch (e) {
      setErrors(fieldErrors(e) as Partial<Record<F, string>>)
      if (!(e instanceof ApiError && e.status === 401)) setFormError(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }
  return { errors, setErrors, formError, setFormError, submitting, send }
}
