export default definePageConfig({ navigationBarTitleText: '小区诉求', enablePullDownRefresh: true });
