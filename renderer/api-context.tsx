/**
 * Lets components reach the service through `useApi()` instead of importing `api` directly,
 * so component tests can inject a fake client. The default is the real `api`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { api as realApi, type Api } from './api';

const ApiContext = createContext<Api>(realApi);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  return useContext(ApiContext);
}
