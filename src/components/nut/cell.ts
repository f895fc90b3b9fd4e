// NutUI cell with its own styles only (the full stylesheet would bloat every package).
import Cell from '@nutui/nutui-react-taro/dist/es/packages/cell';
import CellGroup from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';

export { Cell, CellGroup };
