import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { designParam, ensureOk, type ApiClient } from '../../api/client';

/** Where a design deploys: the local sandbox (ministack) or the server's AWS account. */
export type TargetKind = 'sandbox' | 'aws';

type DeployRoutes = ApiClient['api']['designs'][':id']['deploy'];

/** A change set as the server made it: its changes, the target, what to confirm. */
export type ChangeSet = InferResponseType<DeployRoutes['change-set']['$post'], 200>;
/** One row of a change set. */
export type StackChange = ChangeSet['changes'][number];
/** The design's stacks on a target, and the invoke URL of its own. */
export type DesignStacks = InferResponseType<DeployRoutes['stack']['$get'], 200>;
/** One request of the "Try it" panel. */
export type TryRequest = InferRequestType<
  ApiClient['api']['designs'][':id']['try']['$post']
>['json'];
/** What the deployed API answered. */
export type TryResponse = InferResponseType<
  ApiClient['api']['designs'][':id']['try']['$post'],
  200
>;

/** Query keys, general to specific. */
export const deployKeys = {
  all: (designId: string) => ['deploy', designId] as const,
  stacks: (designId: string, target: TargetKind) =>
    [...deployKeys.all(designId), 'stacks', target] as const,
};

/**
 * The design's Gatewright stacks on a target with their status. For `aws` it
 * doubles as "is an AWS target available": the server refuses without
 * credentials, saying why.
 */
export function stacksQuery(api: ApiClient, designId: string, target: TargetKind) {
  return queryOptions({
    queryKey: deployKeys.stacks(designId, target),
    queryFn: async () => {
      const response = await ensureOk(
        await api.api.designs[':id'].deploy.stack.$get({
          param: designParam(designId),
          query: { target },
        }),
      );
      return (await response.json()) as DesignStacks;
    },
    retry: false,
  });
}

/** Creates the change set of the saved design; runs nothing. */
export function changeSetMutation(api: ApiClient, designId: string) {
  return mutationOptions({
    mutationFn: async (target: TargetKind) => {
      const response = await ensureOk(
        await api.api.designs[':id'].deploy['change-set'].$post({
          param: designParam(designId),
          json: { target },
        }),
      );
      return (await response.json()) as ChangeSet;
    },
  });
}

/** Runs the change set waiting for approval; follow it with `useDeployEvents`. */
export function executeMutation(api: ApiClient, designId: string) {
  return mutationOptions({
    mutationFn: async (changeSetId: string) => {
      const response = await ensureOk(
        await api.api.designs[':id'].deploy.execute.$post({
          param: designParam(designId),
          json: { changeSetId },
        }),
      );
      return await response.json();
    },
  });
}

/** Stops the running deploy; answers what was done, in words. */
export function cancelMutation(api: ApiClient, designId: string) {
  return mutationOptions({
    mutationFn: async () => {
      const response = await ensureOk(
        await api.api.designs[':id'].deploy.cancel.$post({ param: designParam(designId) }),
      );
      return await response.json();
    },
  });
}

/** Deletes the design's stack on a target and waits until it is gone. */
export function deleteStackMutation(api: ApiClient, designId: string) {
  return mutationOptions({
    mutationFn: async (target: TargetKind) => {
      const response = await ensureOk(
        await api.api.designs[':id'].deploy.stack.$delete({
          param: designParam(designId),
          query: { target },
        }),
      );
      return await response.json();
    },
  });
}

/** Starts the local sandbox when it is not running (it stops with the server). */
export function startSandboxMutation(api: ApiClient) {
  return mutationOptions({
    mutationFn: async () => {
      const response = await ensureOk(await api.api.sandbox.start.$post());
      return await response.json();
    },
  });
}

/** Sends one request to the design's deployed API through the server. */
export function tryMutation(api: ApiClient, designId: string) {
  return mutationOptions({
    mutationFn: async (request: TryRequest) => {
      const response = await ensureOk(
        await api.api.designs[':id'].try.$post({ param: designParam(designId), json: request }),
      );
      return (await response.json()) as TryResponse;
    },
  });
}

/** The URL of the design's deploy event stream (server-sent events). */
export function deployEventsUrl(api: ApiClient, designId: string): string {
  return api.api.designs[':id'].deploy.events.$url({ param: designParam(designId) }).toString();
}
