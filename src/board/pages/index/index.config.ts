// enableShareAppMessage: Taro wires useShareAppMessage only on pages that ask for it.
export default definePageConfig({ navigationBarTitleText: '社区晾晒榜', enablePullDownRefresh: true, enableShareAppMessage: true });
