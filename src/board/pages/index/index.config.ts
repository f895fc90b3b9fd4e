export default definePageConfig({ navigationBarTitleText: '社区晾晒榜', enablePullDownRefresh: true });
