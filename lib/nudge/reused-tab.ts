/**
 * One reused tab for a page the worker opens again and again (the guide): each notification
 * click brings that tab forward with the new page, instead of piling up tabs. The tab's id is
 * kept in session storage, which the browser clears on restart, when tab ids start over.
 */
import type { KeyValueArea } from '../store/items';

export interface TabsApi {
  /** The tab, or undefined (or a rejection, as Chrome does) when it is gone. */
  get(id: number): Promise<{ id?: number; windowId?: number } | undefined>;
  create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
  update(id: number, properties: { url: string; active: boolean }): Promise<unknown>;
}

export interface ReusedTabDependencies {
  tabs: TabsApi;
  focusWindow: (windowId: number) => Promise<unknown>;
  session: KeyValueArea;
}

export async function openInReusedTab(
  deps: ReusedTabDependencies,
  key: string,
  url: string,
): Promise<void> {
  const stored = (await deps.session.get(key))[key];
  const existing =
    typeof stored === 'number' ? await deps.tabs.get(stored).catch(() => undefined) : undefined;
  if (existing?.id !== undefined) {
    await deps.tabs.update(existing.id, { url, active: true });
    if (existing.windowId !== undefined) await deps.focusWindow(existing.windowId);
    return;
  }
  const created = await deps.tabs.create({ url, active: true });
  if (created.id !== undefined) await deps.session.set({ [key]: created.id });
}
