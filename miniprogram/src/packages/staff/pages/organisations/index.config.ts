export default definePageConfig({ navigationBarTitleText: '责任方名录' })
