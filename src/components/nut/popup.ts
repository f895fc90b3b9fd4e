// NutUI popup with its own styles only (the full stylesheet would bloat every package).
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';

export { Popup };
