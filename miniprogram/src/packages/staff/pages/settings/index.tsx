import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import type { DeliberationSettings } from '@contracts/deliberation'
import type { Me } from '@contracts/identity'
import { Empty, Loading } from '../../../../components/StateView'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Button } from '../../../../components/ui/Button'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { a11y } from '../../../../lib/a11y'
import { useAsync } from '../../../../components/useAsync'
import { adminCommunities } from '../../../../components/matter'
import {
  getDeliberationSettings,
  putDeliberationSettings,
  settingsBodySchema,
  type SettingsInput,
} from '../../../../services/api/deliberation'
import { getMe } from '../../../../services/api/identity'
import { ApiError, fieldErrors, messageOf } from '../../../../services/http'
import { goBackOrHome } from '../../../../services/nav'
import './index.scss'

type Kind = 'deliberate' | 'exclude'
type RuleField = 'secondsNeeded' | 'evaluationDays' | 'satisfactionThreshold' | 'escalationDays'
type CategoryField = 'name' | 'reason'

/** A category as the form holds it: the reason is kept while a category visits the 六议 list, and sent only for 不议. */
interface DraftCategory {
  categoryId: string
  name: string
  kind: Kind
  reason: string
}

/** The numbers as typed (the threshold as a percentage). */
interface DraftRules {
  secondsNeeded: string
  evaluationDays: string
  threshold: string
  escalationDays: string
}

interface Errors {
  rules: Partial<Record<RuleField, string>>
  /** By categoryId. */
  categories: Record<string, Partial<Record<CategoryField, string>>>
  /** About the lists as a whole (至少一个六议类别, 1–30 个). */
  lists?: string
}

const noErrors: Errors = { rules: {}, categories: {} }

/** The contract's limits (contracts/deliberation.ts), in the words an admin reads. */
const NAME_MAX = 20
const REASON_MAX = 200
const CATEGORIES_MAX = 30
const ruleMessages: Record<RuleField, string> = {
  secondsNeeded: '请填写0–100之间的整数',
  evaluationDays: '请填写1–60之间的整数（天）',
  satisfactionThreshold: '请填写0–100之间的百分比',
  escalationDays: '请填写1–90之间的整数（天）',
}
const categoryMessages: Record<CategoryField, string> = {
  name: `类别名称须为1–${NAME_MAX}字`,
  reason: `不议理由最多${REASON_MAX}字`,
}

const LISTS: { kind: Kind; title: string; hint: string; empty: string }[] = [
  {
    kind: 'deliberate',
    title: '六议（可以提交议事的事项）',
    hint: '居民提议时从这里选择类别',
    empty: '暂无可议事项，请至少添加一个',
  },
  {
    kind: 'exclude',
    title: '六不议（不予议事的事项）',
    hint: '居民选择时立即看到不议理由，提议不会被提交',
    empty: '暂无不议事项',
  },
]

/**
 * A new category's id: `c-` + base36 time + random, within the contract's /^[a-z0-9-]{1,32}$/. Existing ids
 * never change, so matters already filed keep their category when it is renamed or moved.
 */
const newCategoryId = () => `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

const toDraft = (s: DeliberationSettings): { categories: DraftCategory[]; rules: DraftRules } => ({
  categories: s.categories.map((c) => ({
    categoryId: c.categoryId,
    name: c.name,
    kind: c.kind,
    reason: c.reason ?? '',
  })),
  rules: {
    secondsNeeded: String(s.secondsNeeded),
    evaluationDays: String(s.evaluationDays),
    threshold: String(Math.round(s.satisfactionThreshold * 10000) / 100),
    escalationDays: String(s.escalationDays),
  },
})

const numberOf = (text: string) => (text.trim() === '' ? NaN : Number(text.trim()))

/** What the form would send: 不议 categories carry their reason, 六议 ones none. */
const bodyOf = (categories: DraftCategory[], rules: DraftRules) => ({
  categories: categories.map((c) => ({
    categoryId: c.categoryId,
    name: c.name.trim(),
    kind: c.kind,
    ...(c.kind === 'exclude' ? { reason: c.reason.trim() } : {}),
  })),
  secondsNeeded: numberOf(rules.secondsNeeded),
  evaluationDays: numberOf(rules.evaluationDays),
  // Typed as a percentage; kept to two decimals of a percent.
  satisfactionThreshold: Math.round(numberOf(rules.threshold) * 100) / 10000,
  escalationDays: numberOf(rules.escalationDays),
})

/** Sorts a path from the contract's schema or the API's 422 (`categories.3.name`, `secondsNeeded`) into the form's errors. */
const placeError = (errors: Errors, categories: DraftCategory[], path: (string | number)[]) => {
  const [head, index, field] = path
  if (head === 'categories' && typeof index === 'number' && (field === 'name' || field === 'reason')) {
    const id = categories[index]?.categoryId
    if (id && !errors.categories[id]?.[field])
      errors.categories[id] = { ...errors.categories[id], [field]: categoryMessages[field] }
  } else if (head === 'categories') {
    errors.lists ??= `类别共1–${CATEGORIES_MAX}个，名称和编号须有效`
  } else if (typeof head === 'string' && head in ruleMessages) {
    errors.rules[head as RuleField] ??= ruleMessages[head as RuleField]
  }
}

const hasErrors = (e: Errors) =>
  Boolean(e.lists) ||
  Object.keys(e.rules).length > 0 ||
  Object.values(e.categories).some((c) => Object.keys(c).length > 0)

/**
 * 议事规则: the community admin keeps the community's 六议六不议 lists (what residents may propose, and what is
 * refused at once with the reason they see) and the rules of procedure: seconds needed, the rating period, the
 * satisfaction threshold and the time a department has to answer a 大事. Others see 无权限; the server refuses them anyway.
 */
export default function SettingsPage() {
  const { params } = useRouter()
  const loggedIn = useRequireLogin()
  const place = useAsync<{ communityId: string; name: string } | null>(
    async () => placeFor(await getMe(), params.communityId),
    [params.communityId],
    loggedIn,
  )
  if (!loggedIn)
    return (
      <Screen>
        <Loading text="请先登录…" />
      </Screen>
    )
  if (place.loading && place.data === undefined)
    return (
      <Screen>
        <Loading />
      </Screen>
    )
  if (place.data === undefined) {
    return (
      <Screen>
        <ResultPage
          className="error-state"
          title="加载失败"
          text={place.error}
          primary={{ text: '重试', onClick: place.reload, className: 'error-state__retry' }}
          secondary={{ text: '返回', onClick: goBackOrHome }}
        />
      </Screen>
    )
  }
  if (!place.data) {
    return (
      <Screen className="settings-denied">
        <ResultPage
          className="error-state"
          title="无权限"
          text="只有社区管理员可以修改「六议六不议」清单和议事规则。如需调整，请联系社区管理员。"
        />
      </Screen>
    )
  }
  return <Loader communityId={place.data.communityId} name={place.data.name} />
}

/**
 * The community whose rules the user keeps: `communityId` from the link when they are its admin (or an admin
 * at street level, whom the server checks), else their first community as admin; null when they keep none.
 */
const placeFor = (me: Me, wanted: string | undefined): { communityId: string; name: string } | null => {
  const mine = adminCommunities(me)
  if (!wanted) return mine[0] ?? null
  const held = mine.find((c) => c.communityId === wanted)
  if (held) return held
  const streetAdmin = me.grants.some((g) => g.role === 'communityAdmin' && g.place.type === 'street')
  return streetAdmin ? { communityId: String(wanted), name: '' } : null
}

function Loader({ communityId, name }: { communityId: string; name: string }) {
  const settings = useAsync(() => getDeliberationSettings(communityId), [communityId])
  if (settings.loading && !settings.data)
    return (
      <Screen>
        <Loading />
      </Screen>
    )
  if (!settings.data) {
    return (
      <Screen>
        <ResultPage
          className="error-state"
          title="加载失败"
          text={settings.error ?? '加载失败'}
          primary={
            settings.errorCode === 'community.notFound'
              ? undefined
              : { text: '重试', onClick: settings.reload, className: 'error-state__retry' }
          }
          secondary={{ text: '返回', onClick: goBackOrHome }}
        />
      </Screen>
    )
  }
  return <SettingsForm communityId={communityId} name={name} initial={settings.data} />
}

function SettingsForm({
  communityId,
  name,
  initial,
}: {
  communityId: string
  name: string
  initial: DeliberationSettings
}) {
  const [saved, setSaved] = useState(() => toDraft(initial))
  const [categories, setCategories] = useState<DraftCategory[]>(saved.categories)
  const [rules, setRules] = useState<DraftRules>(saved.rules)
  const [errors, setErrors] = useState<Errors>(noErrors)
  const [formError, setFormError] = useState<string>()
  const [savedNotice, setSavedNotice] = useState(false)
  const [saving, setSaving] = useState(false)
  const [adding, setAdding] = useState<Kind>()
  const [deleting, setDeleting] = useState<string>()

  const dirty = JSON.stringify(bodyOf(categories, rules)) !== JSON.stringify(bodyOf(saved.categories, saved.rules))
  const edited = () => {
    setSavedNotice(false)
    setFormError(undefined)
  }

  const patchCategory = (categoryId: string, change: Partial<DraftCategory>) => {
    edited()
    setCategories((all) => all.map((c) => (c.categoryId === categoryId ? { ...c, ...change } : c)))
    // The field just touched loses its error; the others keep theirs until the next save.
    setErrors((e) => {
      const mineNow = { ...e.categories[categoryId] }
      for (const k of Object.keys(change) as (keyof DraftCategory)[])
        if (k === 'name' || k === 'reason') delete mineNow[k]
      if (change.kind) delete mineNow.reason
      return { ...e, categories: { ...e.categories, [categoryId]: mineNow } }
    })
  }
  const setRule = (field: keyof DraftRules, value: string) => {
    edited()
    setRules((r) => ({ ...r, [field]: value }))
  }
  const remove = (categoryId: string) => {
    edited()
    setDeleting(undefined)
    setCategories((all) => all.filter((c) => c.categoryId !== categoryId))
  }
  const add = (category: DraftCategory) => {
    edited()
    setCategories((all) => [...all, category])
    setAdding(undefined)
    setErrors((e) => ({ ...e, lists: undefined }))
  }

  /** Rules the contract leaves to the screen: a 不议 category says why, names are unique, and residents have something to propose. */
  const uiErrors = (): Errors => {
    const out: Errors = { rules: {}, categories: {} }
    const seen = new Set<string>()
    for (const c of categories) {
      if (c.kind === 'exclude' && c.reason.trim() === '')
        out.categories[c.categoryId] = { reason: '请填写不议理由：居民选择这一类别时会看到它' }
      const key = c.name.trim()
      if (key && seen.has(key)) out.categories[c.categoryId] = { ...out.categories[c.categoryId], name: '已有同名类别' }
      seen.add(key)
    }
    if (!categories.some((c) => c.kind === 'deliberate')) out.lists = '「六议」清单至少保留一个类别，否则居民无法提议'
    return out
  }

  const save = async () => {
    if (saving) return
    setFormError(undefined)
    setSavedNotice(false)
    const body = bodyOf(categories, rules)
    // The contract's own schema first (limits, integer days, 0–100%), then the screen's own rules.
    const parsed = settingsBodySchema.safeParse(body)
    const local = uiErrors()
    if (!parsed.success) for (const issue of parsed.error.issues) placeError(local, categories, issue.path)
    setErrors(local)
    if (hasErrors(local) || !parsed.success) {
      setFormError('请修改标红的内容后再保存')
      return
    }
    setSaving(true)
    try {
      const stored = await putDeliberationSettings(communityId, parsed.data satisfies SettingsInput)
      const next = toDraft(stored)
      setSaved(next)
      setCategories(next.categories)
      setRules(next.rules)
      setSavedNotice(true)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      // The edits stay on screen; the API's message says why, and a 422 marks the fields it names.
      const fromApi: Errors = { rules: {}, categories: {} }
      for (const path of Object.keys(fieldErrors(e)))
        placeError(
          fromApi,
          categories,
          path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        )
      setErrors(fromApi)
      if (!(e instanceof ApiError && e.status === 401))
        setFormError(e instanceof ApiError && e.code === 'auth.forbidden' ? `无权限：${messageOf(e)}` : messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Screen className="settings-page">
      <View className="settings-head">
        <Text className="settings-head__title">议事规则</Text>
        <Text className="settings-head__sub">
          {name ? `${name} · ` : ''}「六议六不议」清单和五议工作法的规则，保存后对新的提议生效
        </Text>
      </View>

      {LISTS.map((list) => {
        const items = categories.filter((c) => c.kind === list.kind)
        return (
          <View key={list.kind} className={`card settings-list settings-list--${list.kind}`}>
            <View className="card__title">
              <Text className="card__title-text">{list.title}</Text>
              <Text className="card__hint">{items.length} 项</Text>
            </View>
            <Text className="muted settings-list__hint">{list.hint}</Text>
            {items.length === 0 && (
              <Empty className={`settings-empty settings-empty--${list.kind}`} text={list.empty} />
            )}
            {items.map((c) => (
              <CategoryRow
                key={c.categoryId}
                category={c}
                errors={errors.categories[c.categoryId] ?? {}}
                deleting={deleting === c.categoryId}
                onChange={(change) => patchCategory(c.categoryId, change)}
                onAskDelete={() => setDeleting(c.categoryId)}
                onCancelDelete={() => setDeleting(undefined)}
                onDelete={() => remove(c.categoryId)}
              />
            ))}
            {adding === list.kind ? (
              <NewCategory
                kind={list.kind}
                names={categories.map((x) => x.name.trim())}
                onAdd={add}
                onCancel={() => setAdding(undefined)}
              />
            ) : categories.length < CATEGORIES_MAX ? (
              <View
                className={`settings-add settings-add--${list.kind}`}
                {...a11y('button')}
                onClick={() => setAdding(list.kind)}
              >
                ＋ 添加{list.kind === 'deliberate' ? '可议' : '不议'}类别
              </View>
            ) : (
              <Text className="muted settings-full">最多{CATEGORIES_MAX}个类别</Text>
            )}
          </View>
        )
      })}
      {errors.lists && <View className="alert field-error field-error--categories">{errors.lists}</View>}

      <View className="card settings-rules">
        <View className="card__title">
          <Text className="card__title-text">议事规则</Text>
        </View>
        <RuleInput
          label="附议人数"
          explain="提议须有多少位范围内的其他居民附议，才转交两委审议；填 0 则直接进入审议。"
          unit="人"
          className="settings-seconds"
          type="number"
          value={rules.secondsNeeded}
          error={errors.rules.secondsNeeded}
          field="secondsNeeded"
          onInput={(v) => setRule('secondsNeeded', v)}
        />
        <RuleInput
          label="评议期"
          explain="责任方报告办结后，范围内各户评价满意度的天数。"
          unit="天"
          className="settings-evaluation-days"
          type="number"
          value={rules.evaluationDays}
          error={errors.rules.evaluationDays}
          field="evaluationDays"
          onInput={(v) => setRule('evaluationDays', v)}
        />
        <RuleInput
          label="满意度门槛"
          explain="「满意」与「基本满意」合计低于这个比例，决议退回重新办理；达到则办结。"
          unit="%"
          className="settings-threshold"
          type="digit"
          value={rules.threshold}
          error={errors.rules.satisfactionThreshold}
          field="satisfactionThreshold"
          onInput={(v) => setRule('threshold', v)}
        />
        <RuleInput
          label="吹哨答复期限"
          explain="大事报街道吹哨后，职能部门须在几天内答复，逾期标为超期。"
          unit="天"
          className="settings-escalation-days"
          type="number"
          value={rules.escalationDays}
          error={errors.rules.escalationDays}
          field="escalationDays"
          onInput={(v) => setRule('escalationDays', v)}
        />
      </View>

      <View className="card settings-actions">
        {/* Next to the button the admin just pressed (the page is long): why it failed, or that it is saved. */}
        {formError && <View className="alert settings-error">{formError}</View>}
        {savedNotice && !dirty && (
          <View className="alert settings-saved">已保存，居民提议时即按新的清单和规则办理</View>
        )}
        {dirty && <Text className="muted settings-dirty">有未保存的修改</Text>}
        <Button block busy={saving} busyText="保存中…" className="settings-save" onClick={() => void save()}>
          保存
        </Button>
        <Text className="muted settings-note">已提交的议题保留原来的类别；附议人数等规则对之后的提议和环节生效。</Text>
      </View>
    </Screen>
  )
}

interface CategoryRowProps {
  category: DraftCategory
  errors: Partial<Record<CategoryField, string>>
  deleting: boolean
  onChange: (change: Partial<DraftCategory>) => void
  onAskDelete: () => void
  onCancelDelete: () => void
  onDelete: () => void
}

function CategoryRow({
  category: c,
  errors,
  deleting,
  onChange,
  onAskDelete,
  onCancelDelete,
  onDelete,
}: CategoryRowProps) {
  const other: Kind = c.kind === 'deliberate' ? 'exclude' : 'deliberate'
  return (
    <View className={`settings-category settings-category--${c.kind}`} data-category-id={c.categoryId}>
      <View className="settings-row">
        <Input
          className="field__input settings-row__input settings-category-name"
          type="text"
          maxlength={NAME_MAX}
          placeholder="类别名称"
          value={c.name}
          onInput={(e) => onChange({ name: e.detail.value })}
        />
        <View
          className="settings-category__action settings-category-move"
          {...a11y('button')}
          onClick={() => onChange({ kind: other })}
        >
          {other === 'exclude' ? '移到不议' : '移到六议'}
        </View>
        <View
          className="settings-category__action settings-category__action--danger settings-category-delete"
          {...a11y('button', { label: `删除类别${c.name}` })}
          onClick={onAskDelete}
        >
          删除
        </View>
      </View>
      {errors.name && <Text className="field-error field-error--name">{errors.name}</Text>}
      {c.kind === 'exclude' && (
        <>
          <Textarea
            className="field__textarea settings-category-reason"
            placeholder="不议理由（必填），居民选择这一类别时看到，如：请向相关职能部门反映"
            maxlength={REASON_MAX}
            value={c.reason}
            onInput={(e) => onChange({ reason: e.detail.value })}
          />
          {errors.reason && <Text className="field-error field-error--reason">{errors.reason}</Text>}
        </>
      )}
      {deleting && (
        <View className="settings-confirm">
          <Text className="settings-confirm__text">
            删除「{c.name.trim() || '未命名'}」？已提交的议题保留原类别，保存后居民不能再选择它。
          </Text>
          <View className="settings-confirm__actions">
            <Button kind="plain" small className="settings-category-delete-cancel" onClick={onCancelDelete}>
              取消
            </Button>
            <Button small className="settings-category-delete-confirm" onClick={onDelete}>
              确认删除
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

function NewCategory({
  kind,
  names,
  onAdd,
  onCancel,
}: {
  kind: Kind
  names: string[]
  onAdd: (c: DraftCategory) => void
  onCancel: () => void
}) {
  const [name, setName] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Partial<Record<CategoryField, string>>>({})

  const confirm = () => {
    const out: Partial<Record<CategoryField, string>> = {}
    const n = name.trim()
    if (!n || n.length > NAME_MAX) out.name = categoryMessages.name
    else if (names.includes(n)) out.name = '已有同名类别'
    if (kind === 'exclude') {
      if (!reason.trim()) out.reason = '请填写不议理由：居民选择这一类别时会看到它'
      else if (reason.trim().length > REASON_MAX) out.reason = categoryMessages.reason
    }
    setErrors(out)
    if (Object.keys(out).length > 0) return
    onAdd({ categoryId: newCategoryId(), name: n, kind, reason: kind === 'exclude' ? reason.trim() : '' })
  }

  return (
    <View className={`settings-new settings-new--${kind}`}>
      <Text className="field__label">{kind === 'deliberate' ? '新的可议类别' : '新的不议类别'}</Text>
      <Input
        className="field__input settings-new-name"
        type="text"
        maxlength={NAME_MAX}
        placeholder={`类别名称（1–${NAME_MAX}字）`}
        value={name}
        onInput={(e) => setName(e.detail.value)}
      />
      {errors.name && <Text className="field-error field-error--new-name">{errors.name}</Text>}
      {kind === 'exclude' && (
        <>
          <Textarea
            className="field__textarea settings-new-reason"
            placeholder="不议理由（必填），居民选择这一类别时看到"
            maxlength={REASON_MAX}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          {errors.reason && <Text className="field-error field-error--new-reason">{errors.reason}</Text>}
        </>
      )}
      <View className="settings-new__actions">
        <Button kind="plain" small className="settings-new-cancel" onClick={onCancel}>
          取消
        </Button>
        <Button small className="settings-new-confirm" onClick={confirm}>
          添加
        </Button>
      </View>
    </View>
  )
}

interface RuleInputProps {
  label: string
  explain: string
  unit: string
  className: string
  type: 'number' | 'digit'
  value: string
  error?: string
  field: RuleField
  onInput: (value: string) => void
}

function RuleInput({ label, explain, unit, className, type, value, error, field, onInput }: RuleInputProps) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <View className="settings-rule-row">
        <Input
          className={`field__input ${className}`}
          type={type}
          value={value}
          onInput={(e) => onInput(e.detail.value)}
        />
        <Text>{unit}</Text>
      </View>
      <Text className="muted settings-explain">{explain}</Text>
      {error && <Text className={`field-error field-error--${field}`}>{error}</Text>}
    </View>
  )
}
