export default definePageConfig({ navigationBarTitleText: '领取码' })
