export default definePageConfig({ navigationBarTitleText: '服务队员', enablePullDownRefresh: true });
