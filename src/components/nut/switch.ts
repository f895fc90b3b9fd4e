// NutUI switch with its own styles only (the full stylesheet would bloat every package).
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

export { Switch };
