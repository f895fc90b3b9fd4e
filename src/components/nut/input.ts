// NutUI input with its own styles only (the full stylesheet would bloat every package).
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';

export { Input };
