/** HTTP status of a failed API call, whatever shape client-node gave the error. */
export function apiStatusCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; statusCode?: unknown; response?: { statusCode?: unknown } };
  for (const value of [candidate.code, candidate.statusCode, candidate.response?.statusCode]) {
    if (typeof value === 'number') return value;
  }
  return undefined;
}

export const isNotFound = (error: unknown): boolean => apiStatusCode(error) === 404;
export const isConflict = (error: unknown): boolean => apiStatusCode(error) === 409;
export const isAlreadyExists = isConflict;

/** A write refused because its namespace is being deleted: the object it was about goes with it. */
export function isNamespaceTerminating(error: unknown): boolean {
  return apiStatusCode(error) === 403 && /NamespaceTerminating|because it is being terminated/.test(apiErrorBody(error));
}

function apiErrorBody(error: unknown): string {
  const body = (error as { body?: unknown })?.body;
  return typeof body === 'string' ? body : JSON.stringify(body ?? '');
}

/** The API server's own message (Status.message) when there is one. */
export function apiErrorMessage(error: unknown): string {
  const body = (error as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: string };
      if (parsed.message) return parsed.message;
    } catch {
      return body;
    }
  }
  if (body && typeof body === 'object' && 'message' in body) return String((body as { message: unknown }).message);
  return error instanceof Error ? error.message : String(error);
}
