export default definePageConfig({ navigationBarTitleText: '积分预算' })
