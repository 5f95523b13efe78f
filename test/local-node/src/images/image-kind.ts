/** How the local node treats a container, decided by its image alone. */
export type ImageKind = 'restash' | 'mariadb' | 'postgres' | 'other';

/** The repository part of an image reference, without registry, tag or digest: `ghcr.io/acme/restash:1.2` → `acme/restash`. */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0]!;
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > lastSlash) ref = ref.slice(0, colon);
  const parts = ref.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  return parts.join('/');
}

export function imageKind(image: string | undefined): ImageKind {
  if (!image) return 'other';
  const repository = imageRepository(image);
  const name = repository.split('/').pop()!;
  if (name === 'restash') return 'restash';
  if (repository === 'mysql' || repository === 'mariadb' || repository === 'library/mysql' || repository === 'library/mariadb') {
    return 'mariadb';
  }
  if (repository === 'postgres' || repository === 'library/postgres') return 'postgres';
  return 'other';
}
