// The main package holds only the start page; each role's pages load as their own subpackage.
export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'resident',
      pages: ['pages/home/index', 'pages/create/index', 'pages/orders/index', 'pages/order/index', 'pages/grievance/index', 'pages/grievances/index'],
    },
    { root: 'dispatcher', pages: ['pages/inbox/index', 'pages/order/index'] },
    { root: 'worker', pages: ['pages/tasks/index', 'pages/order/index'] },
    { root: 'supervisor', pages: ['pages/board/index', 'pages/order/index', 'pages/stats/index', 'pages/assessment/index', 'pages/meetings/index'] },
    { root: 'admin', pages: ['pages/settings/index', 'pages/members/index', 'pages/departments/index'] },
    // 加入社区: newcomers apply or redeem an invitation before they hold any role.
    { root: 'join', pages: ['pages/index/index'] },
    // 晾晒: the public board, opened by anyone without choosing a user.
    { root: 'board', pages: ['pages/index/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '红色物业',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f4f4',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
});
