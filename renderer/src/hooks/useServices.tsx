import { createContext, useContext, type ReactNode } from 'react';
import type { HostApi } from '../../../shared/ipc/contract';
import type { DocumentActions } from '../app/document-actions';

/** What a window needs besides its store: the host and the document actions built on it. */
export interface WindowServices {
  readonly host: HostApi;
  readonly actions: DocumentActions;
}

const ServicesContext = createContext<WindowServices | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: WindowServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The window's host and document actions. */
export function useServices(): WindowServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesProvider above it');
  return services;
}
