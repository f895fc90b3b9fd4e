// NutUI button with its own styles only (the full stylesheet would bloat every package).
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export { Button };
