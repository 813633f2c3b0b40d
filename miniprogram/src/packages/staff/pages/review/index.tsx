import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import type { Category, MatterSummary } from '@contracts/deliberation'
import { triageLabels } from '@contracts/deliberation'
import { ErrorState, Empty, Loading } from '../../../../components/StateView'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Button } from '../../../../components/ui/Button'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { a11y } from '../../../../lib/a11y'
import { useAsync } from '../../../../components/useAsync'
import { useShown } from '../../../../components/useShown'
import { formatTime } from '../../../../lib/time'
import { reviewCommunities } from '../../../../components/matter'
import {
  getDeliberationSettings,
  reviewBodySchema,
  reviewMatter,
  reviewQueue,
  type ReviewInput,
} from '../../../../services/api/deliberation'
import { getMe } from '../../../../services/api/identity'
import { ApiError, messageOf } from '../../../../services/http'
import { PAGES, goBackOrHome, withQuery } from '../../../../services/nav'
import './index.scss'

type Triage = 'small' | 'general' | 'major'
type PartyKind = 'property' | 'community' | 'department'
const TRIAGES: Triage[] = ['small', 'general', 'major']
const PARTY_KINDS: { kind: PartyKind; label: string; name: string }[] = [
  { kind: 'property', label: '物业', name: '物业服务中心' },
  { kind: 'community', label: '社区', name: '社区居委会' },
  { kind: 'department', label: '职能部门', name: '' },
]
/** The triage suggests who carries it out: 小事 the property company, 一般事 the community, 大事 a department. */
const partyFor: Record<Triage, PartyKind> = { small: 'property', general: 'community', major: 'department' }

/**
 * 两委审议: the proposals waiting for review in the community, first come first reviewed. Each is accepted
 * and triaged (小事/一般事/大事) with a responsible party, returned for revision with a note, or rejected
 * with a reason (a 不议 category's reason can be picked).
 */
export default function ReviewPage() {
  const { params } = useRouter()
  const loggedIn = useRequireLogin()
  const shown = useShown()

  const communityId = useAsync<string | null>(
    async () =>
      params.communityId ? String(params.communityId) : (reviewCommunities(await getMe())[0]?.communityId ?? null),
    [params.communityId],
    loggedIn,
  )
  const screen = (content: JSX.Element) => <Screen className="review-page">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (communityId.loading && communityId.data === undefined) return screen(<Loading />)
  if (communityId.data === undefined) {
    return screen(
      <ResultPage
        className="error-state"
        title="加载失败"
        text={communityId.error}
        primary={{ text: '重试', onClick: communityId.reload, className: 'error-state__retry' }}
        secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
      />,
    )
  }
  if (!communityId.data)
    return screen(<ResultPage className="error-state" title="无审议权限" text="只有社区两委可以审议居民提议" />)
  return screen(<Queue communityId={communityId.data} shown={shown} />)
}

function Queue({ communityId, shown }: { communityId: string; shown: number }) {
  const list = useAsync(async () => (await reviewQueue(communityId)).items, [communityId, shown], shown > 0)
  const settings = useAsync(() => getDeliberationSettings(communityId), [communityId])
  const [items, setItems] = useState<MatterSummary[]>([])
  useEffect(() => {
    if (list.data) setItems(list.data)
  }, [list.data])
  usePullDownRefresh(() => {
    list.reload()
    void Taro.stopPullDownRefresh()
  })
  const remove = (matterId: string) => setItems((all) => all.filter((m) => m.matterId !== matterId))
  const excluded = (settings.data?.categories ?? []).filter((c) => c.kind === 'exclude')

  return (
    <View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">待审议</Text>
          {list.data && <Text className="card__hint review-count">{items.length} 件</Text>}
        </View>
        {list.loading && !list.data ? (
          <Loading />
        ) : !list.data ? (
          <ErrorState message={list.error ?? '加载失败'} onRetry={list.reload} />
        ) : items.length === 0 ? (
          <Empty className="review-empty" text="暂无待审议的提议" />
        ) : (
          items.map((m) => <Item key={m.matterId} matter={m} excluded={excluded} onDone={remove} />)
        )}
      </View>
    </View>
  )
}

function Item({
  matter,
  excluded,
  onDone,
}: {
  matter: MatterSummary
  excluded: Category[]
  onDone: (matterId: string) => void
}) {
  const [mode, setMode] = useState<'accept' | 'return' | 'reject'>()
  // Nothing preselected: the committee chooses the triage on purpose.
  const [triage, setTriage] = useState<Triage>()
  const [kind, setKind] = useState<PartyKind>('property')
  const [partyName, setPartyName] = useState(PARTY_KINDS[0]!.name)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const chooseKind = (k: PartyKind) => {
    setKind(k)
    setPartyName(PARTY_KINDS.find((p) => p.kind === k)!.name)
  }
  const chooseTriage = (t: Triage) => {
    setTriage(t)
    chooseKind(partyFor[t])
  }
  const openMode = (m: typeof mode) => {
    setError(undefined)
    setNote('')
    setMode(m)
  }

  const submit = async () => {
    if (busy || !mode) return
    setError(undefined)
    if (mode === 'accept' && !triage) {
      setError('请选择三事分流：小事、一般事或大事')
      return
    }
    const input: ReviewInput =
      mode === 'accept' && triage
        ? { decision: 'accept', triage, responsibleParty: { kind, name: partyName }, ...(note.trim() ? { note } : {}) }
        : mode === 'return'
          ? { decision: 'return', note }
          : { decision: 'reject', reason: note }
    const parsed = reviewBodySchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      setError(
        issue?.path.includes('responsibleParty')
          ? '请填写责任方名称（最多40字）'
          : (issue?.message ?? '请检查填写的内容'),
      )
      return
    }
    setBusy(true)
    try {
      await reviewMatter(matter.matterId, parsed.data)
      void Taro.showToast({
        title: mode === 'accept' ? '已受理' : mode === 'return' ? '已退回修改' : '已不予受理',
        icon: 'success',
      })
      onDone(matter.matterId)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'matter.wrongStep') {
        void Taro.showToast({ title: '该议题已被审议', icon: 'none' })
        onDone(matter.matterId)
        return
      }
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="review-item" data-matter-id={matter.matterId}>
      <View
        className="review-item__head"
        {...a11y('link', { label: `查看议题详情：${matter.title}` })}
        onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.matter, { matterId: matter.matterId }) })}
      >
        <Text className="review-item__title">{matter.title}</Text>
        <Text className="review-item__open">详情 ›</Text>
      </View>
      <Text className="review-item__meta">
        {matter.scope.name} · {matter.categoryName} · {matter.proposerName} · {formatTime(matter.updatedAt)}
      </Text>
      <Text className="review-item__meta">
        附议 {matter.secondsCount}/{matter.secondsNeeded}
      </Text>

      {mode === 'accept' && (
        <View className="review-form review-accept-form">
          <Text className="field__label">三事分流</Text>
          <View className="chips">
            {TRIAGES.map((t) => (
              <View
                key={t}
                className={`chip review-triage review-triage--${t} ${triage === t ? 'is-active' : ''}`}
                {...a11y('radio', { checked: triage === t })}
                onClick={() => chooseTriage(t)}
              >
                <Text>{triageLabels[t]}</Text>
              </View>
            ))}
          </View>
          <Text className="field__label">责任方</Text>
          <View className="chips">
            {PARTY_KINDS.map((p) => (
              <View
                key={p.kind}
                className={`chip review-party-kind review-party-kind--${p.kind} ${kind === p.kind ? 'is-active' : ''}`}
                {...a11y('radio', { checked: kind === p.kind })}
                onClick={() => chooseKind(p.kind)}
              >
                <Text>{p.label}</Text>
              </View>
            ))}
          </View>
          <Input
            className="field__input review-party-name"
            type="text"
            maxlength={40}
            placeholder="责任方名称，如：阳光花园物业服务中心"
            value={partyName}
            onInput={(e) => setPartyName(e.detail.value)}
          />
          <Textarea
            className="field__textarea review-note"
            placeholder="审议意见（选填）"
            maxlength={500}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      )}
      {mode === 'return' && (
        <View className="review-form">
          <Textarea
            className="field__textarea review-return-note"
            placeholder="请说明需要修改的地方，提议人可以看到"
            maxlength={500}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      )}
      {mode === 'reject' && (
        <View className="review-form">
          {excluded.length > 0 && (
            <View className="chips">
              {excluded.map((c) => (
                <View
                  key={c.categoryId}
                  className={`chip review-reject-category review-reject-category--${c.categoryId}`}
                  {...a11y('button', { label: `理由填为：${c.name}` })}
                  onClick={() => setNote(`属于「不议」事项：${c.name}${c.reason ? `。${c.reason}` : ''}`)}
                >
                  <Text>{c.name}</Text>
                </View>
              ))}
            </View>
          )}
          <Textarea
            className="field__textarea review-reject-reason"
            placeholder="请说明不予受理的理由，提议人和范围内居民可以看到"
            maxlength={500}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      )}
      {error && <Text className="field-error review-item-error">{error}</Text>}

      <View className="review-item__actions">
        {mode ? (
          <>
            <Button kind="plain" small className="review-cancel" onClick={() => setMode(undefined)}>
              取消
            </Button>
            <Button small busy={busy} className={`review-confirm review-${mode}-confirm`} onClick={() => void submit()}>
              {mode === 'accept' ? '确认受理' : mode === 'return' ? '确认退回' : '确认不予受理'}
            </Button>
          </>
        ) : (
          <>
            <Button kind="ghost" small className="review-reject" onClick={() => openMode('reject')}>
              不予受理
            </Button>
            <Button kind="ghost" small className="review-return" onClick={() => openMode('return')}>
              退回修改
            </Button>
            <Button small className="review-accept" onClick={() => openMode('accept')}>
              受理
            </Button>
          </>
        )}
      </View>
    </View>
  )
}
