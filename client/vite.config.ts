import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the client and forwards the API and the sync socket to the server on :8080.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
