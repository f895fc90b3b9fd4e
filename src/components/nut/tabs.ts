// NutUI tabs with its own styles only (the full stylesheet would bloat every package).
import Tabs from '@nutui/nutui-react-taro/dist/es/packages/tabs';
import TabPane from '@nutui/nutui-react-taro/dist/es/packages/tabpane';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabpane/style/css';

export { Tabs, TabPane };
