// NutUI radio with its own styles only (the full stylesheet would bloat every package).
import Radio from '@nutui/nutui-react-taro/dist/es/packages/radio';
import RadioGroup from '@nutui/nutui-react-taro/dist/es/packages/radiogroup';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';

export { Radio, RadioGroup };
