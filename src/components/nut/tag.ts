// NutUI tag with its own styles only (the full stylesheet would bloat every package).
import Tag from '@nutui/nutui-react-taro/dist/es/packages/tag';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { Tag };
