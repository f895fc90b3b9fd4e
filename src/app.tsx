import type { PropsWithChildren } from 'react';
import './app.scss';

/** The app shell: pages render as children; each page wraps itself in <Screen>. */
export default function App({ children }: PropsWithChildren) {
  return children;
}
