export default definePageConfig({ navigationBarTitleText: '统计与导出' })
