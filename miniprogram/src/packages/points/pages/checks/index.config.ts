export default definePageConfig({ navigationBarTitleText: '对账与校验' })
