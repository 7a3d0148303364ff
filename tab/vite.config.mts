import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The tab is served by the bot's server at /tab/ (bot/http/server.ts serves tab/dist). */
export default defineConfig({
  root,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    // Pages are split with React.lazy (tab/src/Pages.tsx); the shared chunk of React and Fluent UI is
    // the large one, and `npm run bench` reports what the first page load fetches.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
