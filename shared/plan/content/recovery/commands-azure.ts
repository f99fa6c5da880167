/** The runbooks' commands for Azure products, each checked against Microsoft's documentation. */
import type { ProductActions, ProductKey } from './command-types';

const AZ_CLI = 'https://learn.microsoft.com/cli/azure';

/** The Azure products (Traffic Manager, Front Door, Load Balancer, scale sets, Azure Cache for Redis, Azure SQL). */
export const AZURE_ACTIONS: Readonly<Partial<Record<ProductKey, ProductActions>>> = {
  'azure:global-router': {
    product: 'Azure Traffic Manager',
    checkTargets: {
      parts: [
        'az network traffic-manager endpoint show --name ',
        { blank: 'endpoint' },
        ' --profile-name ',
        { blank: 'profile' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --type azureEndpoints --query endpointMonitorStatus',
      ],
      expect: 'Degraded for the failed endpoint and Online for the others',
      source: `${AZ_CLI}/network/traffic-manager/endpoint`,
    },
    takeTargetOut: {
      parts: [
        'az network traffic-manager endpoint update --name ',
        { blank: 'endpoint' },
        ' --profile-name ',
        { blank: 'profile' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --type azureEndpoints --endpoint-status Disabled',
      ],
      source: `${AZ_CLI}/network/traffic-manager/endpoint#az-network-traffic-manager-endpoint-update`,
    },
  },
  'azure:front-door': {
    product: 'Azure Front Door',
    takeTargetOut: {
      parts: [
        'az afd origin update --origin-name ',
        { blank: 'origin' },
        ' --origin-group-name ',
        { blank: 'origin group' },
        ' --profile-name ',
        { blank: 'profile' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --enabled-state Disabled',
      ],
      source: `${AZ_CLI}/afd/origin`,
    },
  },
  'azure:regional-router': {
    product: 'Azure Load Balancer',
    checkTargets: {
      parts: [
        'az monitor metrics list --resource ',
        { blank: 'load balancer resource id' },
        ' --metric DipAvailability',
      ],
      expect: 'a health probe status of 100 for the surviving back ends and 0 for the failed ones',
      source:
        'https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-network-loadbalancers-metrics',
    },
  },
  'azure:tier': {
    product: 'Azure Virtual Machine Scale Sets',
    checkCapacity: {
      parts: [
        'az vmss list-instances --resource-group ',
        { blank: 'resource group' },
        ' --name ',
        { blank: 'scale set' },
      ],
      expect: 'the instances Succeeded and running',
      source: `${AZ_CLI}/vmss#az-vmss-list-instances`,
    },
    setCapacity: {
      parts: [
        'az vmss scale --resource-group ',
        { blank: 'resource group' },
        ' --name ',
        { blank: 'scale set' },
        ' --new-capacity ',
        { value: 'count', hint: 'instance count' },
      ],
      source: `${AZ_CLI}/vmss#az-vmss-scale`,
    },
  },
  'azure:managed-redis': {
    product: 'Azure Cache for Redis',
    // Passive geo-replication fails over from the portal only: "Initiate a failover from
    // geo-primary to geo-secondary" (no CLI command is documented), so none is given here.
    restore: {
      parts: [
        'az redis import --name ',
        { blank: 'cache' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --files ',
        { blank: 'blob SAS URL of the RDB file' },
      ],
      source: `${AZ_CLI}/redis#az-redis-import`,
    },
  },
  'azure:sql': {
    product: 'Azure SQL Database',
    failoverAcrossRegions: {
      parts: [
        'az sql failover-group set-primary --name ',
        { blank: 'failover group' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --server ',
        { blank: 'secondary server' },
        ' --allow-data-loss',
      ],
      source: `${AZ_CLI}/sql/failover-group#az-sql-failover-group-set-primary`,
    },
    restore: {
      parts: [
        'az sql db restore --dest-name ',
        { blank: 'new database' },
        ' --name ',
        { blank: 'database' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --server ',
        { blank: 'server' },
        ' --time ',
        { blank: 'time before the corruption' },
      ],
      source: `${AZ_CLI}/sql/db#az-sql-db-restore`,
    },
  },
};
