// The admin console's build: `npm run build` writes web/dist, which the server serves at `/` (src/http/console/).
// `npm run dev:web` serves it with hot reload and proxies the API to a Muster on :8080.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const docsDir = fileURLToPath(new URL('../docs', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The IdP setup guides are docs/idp/*.md, imported as text: one source for the docs and the console.
  server: {
    fs: { allow: ['.', docsDir] },
    proxy: { '/api': 'http://127.0.0.1:8080', '/scim': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or styles: the server's Content-Security-Policy allows 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
});
