// NutUI empty with its own styles only (the full stylesheet would bloat every package).
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';

export { Empty };
