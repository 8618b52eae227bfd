// React context giving pages and the header the session's live data service.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { appConfig } from '../config/app.config';
import { LiveDataService } from './live-data.service';

const LiveDataContext = createContext<LiveDataService | null>(null);

export function LiveDataProvider({ onRejected, children }: { onRejected: () => void; children: ReactNode }) {
  const [service] = useState(() => new LiveDataService(appConfig, onRejected));
  useEffect(() => {
    void service.start();
    return () => service.stop();
  }, [service]);
  return <LiveDataContext.Provider value={service}>{children}</LiveDataContext.Provider>;
}

export function useLiveData(): LiveDataService {
  const service = useContext(LiveDataContext);
  if (!service) throw new Error('useLiveData outside LiveDataProvider');
  return service;
}
