/**
 * `<batch>-<unix seconds of the slot>`: every replica names a slot's session alike, so the API
 * server refuses a second copy of it (AlreadyExists), even across failovers.
 */
export function sessionName(batchName: string, slot: Date): string {
  return `${batchName}-${Math.floor(slot.getTime() / 1000)}`;
}

/** The slot a scheduled session of this batch stands for; undefined for a session a user named. */
export function slotOfSession(batchName: string, name: string): Date | undefined {
  const prefix = `${batchName}-`;
  const seconds = name.startsWith(prefix) ? name.slice(prefix.length) : '';
  return /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000) : undefined;
}

/** The slot of the batch's newest scheduled session among `sessions`, if any. */
export function latestScheduledSlot(
  sessions: ReadonlyArray<{ metadata: { name?: string }; spec?: { invoker?: { name?: string } } }>,
  batchName: string,
): Date | undefined {
  let latest: Date | undefined;
  for (const session of sessions) {
    if (session.spec?.invoker?.name !== batchName) continue;
    const slot = slotOfSession(batchName, session.metadata.name ?? '');
    if (slot && (!latest || slot > latest)) latest = slot;
  }
  return latest;
}
