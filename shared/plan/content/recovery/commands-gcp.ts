/** The runbooks' commands for Google Cloud products, each checked against Google's documentation. */
import type { ProductActions, ProductKey } from './command-types';

const GCLOUD = 'https://cloud.google.com/sdk/gcloud/reference';

/** The Google Cloud products (Cloud DNS, load balancing, managed instance groups, Memorystore, Cloud SQL). */
export const GCP_ACTIONS: Readonly<Partial<Record<ProductKey, ProductActions>>> = {
  'gcp:global-router': {
    product: 'Cloud Load Balancing',
    checkTargets: {
      parts: [
        'gcloud compute backend-services get-health ',
        { blank: 'backend service' },
        ' --global',
      ],
      expect: 'HEALTHY for the surviving back ends and UNHEALTHY for the failed ones',
      source: `${GCLOUD}/compute/backend-services/get-health`,
    },
    takeTargetOut: {
      // A capacity scaler of 0 drains the back end (gcloud reference, update-backend).
      parts: [
        'gcloud compute backend-services update-backend ',
        { blank: 'backend service' },
        ' --instance-group=',
        { blank: 'instance group' },
        ' --instance-group-region=',
        { value: 'region', hint: 'region' },
        ' --capacity-scaler=0 --global',
      ],
      source: `${GCLOUD}/compute/backend-services/update-backend`,
    },
  },
  'gcp:regional-router': {
    product: 'Cloud Load Balancing (regional)',
    checkTargets: {
      parts: [
        'gcloud compute backend-services get-health ',
        { blank: 'backend service' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      expect: 'HEALTHY for the surviving instances and UNHEALTHY for the failed ones',
      source: `${GCLOUD}/compute/backend-services/get-health`,
    },
  },
  'gcp:tier': {
    product: 'Compute Engine managed instance groups',
    checkCapacity: {
      parts: [
        'gcloud compute instance-groups managed list-instances ',
        { blank: 'instance group' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      expect: 'the instances RUNNING',
      source: `${GCLOUD}/compute/instance-groups/managed/list-instances`,
    },
    setCapacity: {
      parts: [
        'gcloud compute instance-groups managed resize ',
        { blank: 'instance group' },
        ' --size=',
        { value: 'count', hint: 'instance count' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      source: `${GCLOUD}/compute/instance-groups/managed/resize`,
    },
  },
  'gcp:managed-redis': {
    product: 'Memorystore for Redis',
    failoverInRegion: {
      parts: [
        'gcloud redis instances failover ',
        { blank: 'instance' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      source: `${GCLOUD}/redis/instances/failover`,
    },
    testFailover: {
      parts: [
        'gcloud redis instances failover ',
        { blank: 'instance' },
        ' --region=',
        { value: 'region', hint: 'region' },
        ' --data-protection-mode=limited-data-loss',
      ],
      source: 'https://cloud.google.com/memorystore/docs/redis/initiate-manual-failover',
    },
    restore: {
      parts: [
        'gcloud redis instances import gs://',
        { blank: 'bucket/file.rdb' },
        ' ',
        { blank: 'instance' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      source: `${GCLOUD}/redis/instances/import`,
    },
  },
  'gcp:sql': {
    product: 'Cloud SQL',
    failoverInRegion: {
      parts: ['gcloud sql instances failover ', { blank: 'instance' }],
      source: `${GCLOUD}/sql/instances/failover`,
    },
    failoverAcrossRegions: {
      parts: ['gcloud sql instances promote-replica ', { blank: 'replica instance' }],
      source: `${GCLOUD}/sql/instances/promote-replica`,
    },
    restore: {
      parts: [
        'gcloud sql backups restore ',
        { blank: 'backup id' },
        ' --restore-instance=',
        { blank: 'instance' },
      ],
      source: `${GCLOUD}/sql/backups/restore`,
    },
  },
};
