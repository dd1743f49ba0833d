import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './App';
import { SessionProvider, takeTokenFromAddress } from './session';
import './styles.css';

// A 4xx is an answer, not a hiccup: only network failures and 5xx are retried.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500), refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider tokenFromAddress={takeTokenFromAddress()}>
        <App />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
