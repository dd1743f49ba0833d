import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the gateway at /ui/ (same origin as the API). No inlined assets: the page's
// Content-Security-Policy allows only its own files.
export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, sourcemap: false },
  logLevel: 'warn',
});
