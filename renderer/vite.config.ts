// Vite config of the renderer (root: renderer/). Relative base so the build loads from
// file:// or the app protocol in Electron and from any path of the browser host.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'chrome130', sourcemap: false },
});
