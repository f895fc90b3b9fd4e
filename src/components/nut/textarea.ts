// NutUI textarea with its own styles only (the full stylesheet would bloat every package).
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';

export { TextArea };
