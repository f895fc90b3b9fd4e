import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // `taro build --type h5 --watch` serves on its own port; the API lives on the local server.
      proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
