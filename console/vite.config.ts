import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * Built into dist/, which the hub serves at `/` (the rule editor is bundled into it as a section).
 * In development (`pnpm --filter @switchyard/console dev`) API calls go to a hub on :3000.
 */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
