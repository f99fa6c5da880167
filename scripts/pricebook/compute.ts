/** Compute prices of all three providers (`providers.<provider>.compute`). */
import { arr, num, ref, str, type Json } from './catalog-json';
import type { EntryBook } from './entries';

/** Compute: on-demand Linux, USD per instance-hour, with the instance's memory and vCPUs. */
export function addCompute(
  providers: { aws: Json; azure: Json; gcp: Json },
  { put }: EntryBook,
): void {
  for (const [provider, p] of Object.entries(providers)) {
    for (const row of arr(p.compute, `${provider}.compute`)) {
      const type = str(row.type, `${provider}.compute.type`);
      const region = str(row.region, `${provider}.compute.region`);
      put(
        `${provider}:${region}:compute:${type}`,
        num(row.hourly, `${provider}.compute.hourly`),
        'hour',
        ref(row.source, `${provider}.compute.source`),
        {
          memGiB: num(row.memGiB, `${provider}.compute.memGiB`),
          vcpu: num(row.vcpu, `${provider}.compute.vcpu`),
        },
      );
    }
  }
}
