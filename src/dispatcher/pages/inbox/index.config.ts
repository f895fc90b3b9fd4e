export default definePageConfig({ navigationBarTitleText: '物业调度', enablePullDownRefresh: true });
