/** Vite entry of the renderer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { LogbookApp } from './app/app-root';
import './app/print.css';

// The CSP forbids eval; without this zod probes `new Function` once and the browser reports
// a CSP violation (harmless, but noise in the console and in the end-to-end tests' logs).
z.config({ jitless: true });

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <LogbookApp />
    </StrictMode>,
  );
}
