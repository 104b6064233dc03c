import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { StoreSummary } from '../../src-shared/domain/store';
import type { CallInput, CallName, CallOutput } from '../../src-shared/contract';
import { api } from './client';
import { callKey } from './query-client';

export interface UseCallOptions {
  /** false: do not call yet (an input is incomplete). */
  enabled?: boolean;
  /** Keep showing the last answer while a new input loads (a list whose filter changes). */
  keepPrevious?: boolean;
  /** Ask again this often while the page is open (data main does not announce). */
  refetchEveryMs?: number;
  /** Ask again each time a page that shows it opens (data that changes unannounced, like files a seller puts in a folder). */
  readOnOpen?: boolean;
}

/**
 * A contract call as cached data: keyed by call name and input, refreshed when main announces a
 * change (query-client.ts), shared between every component that asks the same.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N>, options: UseCallOptions = {}): UseQueryResult<CallOutput<N>, Error> {
  return useQuery({
    queryKey: callKey(name, input),
    queryFn: () => api.call(name, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.refetchEveryMs,
    ...(options.readOnOpen ? { staleTime: 0 } : {}),
  });
}

/** The same call with several inputs at once (the windows of a long table in view), each cached as `useCall` caches it. */
export function useCalls<N extends CallName>(name: N, inputs: readonly CallInput<N>[], options: Pick<UseCallOptions, 'keepPrevious'> = {}): Array<UseQueryResult<CallOutput<N>, Error>> {
  return useQueries({
    queries: inputs.map((input) => ({
      queryKey: callKey(name, input),
      queryFn: () => api.call(name, input),
      placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    })),
  });
}

/**
 * A call that changes something: on success the cached calls whose names start with any of
 * `invalidates` are read again.
 */
export function useCallMutation<N extends CallName>(name: N, invalidates: readonly string[] = []) {
  const client = useQueryClient();
  return useMutation<CallOutput<N>, Error, CallInput<N>>({
    mutationFn: (input) => api.call(name, input),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && invalidates.some((p) => (q.queryKey[0] as string).startsWith(p)) }),
  });
}

/** Puts an answer main already gave (a control call returns the new status) into the cache, or patches the cached one. */
export function useCallData() {
  const client = useQueryClient();
  return useCallback(<N extends CallName>(name: N, input: CallInput<N>, data: CallOutput<N> | ((current: CallOutput<N> | undefined) => CallOutput<N> | undefined)) => {
    client.setQueryData<CallOutput<N>>(callKey(name, input), data);
  }, [client]);
}

/** The seller's stores: the one place the renderer reads the store list (main's `stores.changed` refreshes it). */
export function useStores(): StoreSummary[] {
  return useCall('stores.list', {}).data ?? NO_STORES;
}
const NO_STORES: StoreSummary[] = [];
