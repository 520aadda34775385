// The default theme plus the demo kit. Every component in demos/ is registered globally under its
// file name (demos/NirDemo.vue → <NirDemo />), so adding a demo needs no edit here.
import type { Component } from 'vue';
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import DemoShell from './demo-kit/DemoShell.vue';
import './custom.css';

const demos = import.meta.glob<{ default: Component }>('./demos/*.vue', { eager: true });

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('DemoShell', DemoShell);
    for (const [file, mod] of Object.entries(demos)) {
      const name = /([^/]+)\.vue$/.exec(file)?.[1];
      if (name) app.component(name, mod.default);
    }
  },
};

export default theme;
