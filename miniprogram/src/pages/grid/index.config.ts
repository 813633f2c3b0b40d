export default definePageConfig({ navigationBarTitleText: '网格连心服务卡', enableShareAppMessage: true })
