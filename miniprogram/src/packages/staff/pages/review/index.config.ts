export default definePageConfig({ navigationBarTitleText: '两委审议', enablePullDownRefresh: true })
