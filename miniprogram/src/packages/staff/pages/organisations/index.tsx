import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Organisation } from '@contracts/structure'
import { organisationKindLabels } from '@contracts/structure'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { adminCommunities } from '../../../../components/matter'
import { getMe } from '../../../../services/api/identity'
import { listOrganisations } from '../../../../services/api/structure'
import { goBackOrHome } from '../../../../services/nav'
import { OrganisationForm } from './OrganisationForm'
import './index.scss'

/**
 * 责任方名录: the community admin keeps the organisations a matter can be handed to in review and resolution (the
 * property company, the 居委会, the street's departments) and the accounts acting for each. Others are told who keeps it.
 */
export default function OrganisationsPage() {
  const { params } = useRouter()
  const loggedIn = useRequireLogin()
  const me = useAsync(() => getMe(), [], loggedIn)
  const screen = (content: JSX.Element) => <Screen className="organisations-page">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (me.loading && !me.data) return screen(<Loading />)
  if (!me.data)
    return screen(
      <ResultPage
        title="加载失败"
        text={me.error}
        primary={{ text: '重试', onClick: me.reload, className: 'error-state__retry' }}
        secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
      />,
    )
  const mine = adminCommunities(me.data)
  const community = mine.find((c) => c.communityId === params.communityId) ?? (params.communityId ? undefined : mine[0])
  if (!community)
    return screen(
      <ResultPage
        className="organisations-denied"
        kind="info"
        title="由社区管理员维护"
        text="责任方名录由社区管理员添加和修改。名录为空时，请联系社区管理员添加物业、居委会或职能部门。"
      />,
    )
  return screen(<Registry communityId={community.communityId} communityName={community.name} />)
}

function Registry({ communityId, communityName }: { communityId: string; communityName: string }) {
  const list = useAsync(async () => (await listOrganisations(communityId)).items, [communityId])
  // The one being edited, or 'new' for a new one.
  const [editing, setEditing] = useState<Organisation | 'new'>()

  if (editing)
    return (
      <OrganisationForm
        communityId={communityId}
        organisation={editing === 'new' ? undefined : editing}
        onDone={(saved) => {
          setEditing(undefined)
          if (saved) list.reload()
        }}
      />
    )
  return (
    <View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">{communityName}的责任方</Text>
        </View>
        <Text className="muted organisations-hint">
          两委受理议题、形成决议时，从这里选择责任方；名录中的办理账号会在「待办」里看到交给本单位的议题。
        </Text>
        {list.loading && !list.data ? (
          <Loading />
        ) : !list.data ? (
          <ErrorState message={list.error ?? '加载失败'} onRetry={list.reload} />
        ) : list.data.length === 0 ? (
          <Empty className="organisations-empty" text="还没有登记责任方，请先添加物业和居委会" />
        ) : (
          list.data.map((o) => (
            <View key={o.organisationId} className="row organisation-row" data-organisation-id={o.organisationId}>
              <View className="row__main">
                <Text className="row__title">
                  {o.name}
                  <Text className="badge badge--soft">{organisationKindLabels[o.kind]}</Text>
                </Text>
                <Text className="row__sub">
                  {o.members.length
                    ? `办理账号：${o.members.map((m) => m.name || '未命名账号').join('、')}`
                    : '尚未登记办理账号'}
                </Text>
              </View>
              <Button kind="ghost" small className="organisation-edit" onClick={() => setEditing(o)}>
                修改
              </Button>
            </View>
          ))
        )}
      </View>
      <View className="card">
        <Button block className="organisation-add" onClick={() => setEditing('new')}>
          添加责任方
        </Button>
      </View>
    </View>
  )
}
