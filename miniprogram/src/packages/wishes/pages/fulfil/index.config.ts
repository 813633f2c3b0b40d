export default definePageConfig({ navigationBarTitleText: '报告已送达' })
