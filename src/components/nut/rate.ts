// NutUI rate with its own styles only (the full stylesheet would bloat every package).
import Rate from '@nutui/nutui-react-taro/dist/es/packages/rate';
import '@nutui/nutui-react-taro/dist/es/packages/rate/style/css';

export { Rate };
