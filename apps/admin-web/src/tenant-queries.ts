import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Settings } from './api/client';

// One place for the query keys, so a change refreshes whatever shows it.

export const keys = {
  settings: (tenantId: string) => ['settings', tenantId] as const,
  status: (tenantId: string) => ['sync-status', tenantId] as const,
  runs: (tenantId: string) => ['runs', tenantId] as const,
  changes: (tenantId: string) => ['changes', tenantId] as const,
};

const tenantPath = (tenantId: string) => ({ params: { path: { tenantId } } });

export function useSettings(tenantId: string) {
  return useQuery({ queryKey: keys.settings(tenantId), queryFn: () => call(api.GET('/admin/tenants/{tenantId}/icims', tenantPath(tenantId))) });
}

export function useSyncStatus(tenantId: string, enabled: boolean) {
  return useQuery({ queryKey: keys.status(tenantId), queryFn: () => call(api.GET('/admin/tenants/{tenantId}/sync-status', tenantPath(tenantId))), enabled, refetchInterval: 30_000 });
}

/** A settings change: the answer is the new settings; the timeline and status follow. */
export function useSettingsChange<T>(tenantId: string, save: (input: T) => Promise<Settings>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (settings) => {
      client.setQueryData(keys.settings(tenantId), settings);
      void client.invalidateQueries({ queryKey: keys.changes(tenantId) });
      void client.invalidateQueries({ queryKey: keys.status(tenantId) });
    },
  });
}
