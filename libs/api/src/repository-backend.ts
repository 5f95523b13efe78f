import { BACKEND_PROVIDERS, type Backend, type BackendProvider } from './schemas/repository.js';

/** The storage providers a backend configures; a valid Repository has exactly one. */
export function configuredBackends(backend: Backend): BackendProvider[] {
  return BACKEND_PROVIDERS.filter((provider) => backend[provider] !== undefined);
}

/** The single provider a backend configures, or undefined when it names none or several. */
export function backendProvider(backend: Backend): BackendProvider | undefined {
  const providers = configuredBackends(backend);
  return providers.length === 1 ? providers[0] : undefined;
}
