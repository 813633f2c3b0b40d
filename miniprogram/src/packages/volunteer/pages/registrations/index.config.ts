export default definePageConfig({ navigationBarTitleText: '登记审核' })
