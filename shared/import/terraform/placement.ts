/**
 * Where a resource is: its region by the resolution rules (in this order: the resource's own
 * region, the region of its provider configuration in a plan, the region in its ARN, its zone's
 * region, `--default-region`), and the Nines ids of regions and zones.
 *
 * Sources: AWS provider 6 "Enhanced Region Support" (every regional resource has a `region`
 * argument that defaults to the provider's); ARN format `arn:partition:service:region:account:…`
 * (AWS General Reference); AWS zone names are the region plus a letter (`us-east-1a`); Google
 * zones are the region plus `-letter` (`us-central1-a`); Azure resources have a `location`.
 */
import { str } from './resources';
import type { TfResource } from './types';

/** How a region was found, for the report. */
export type RegionSource = 'resource' | 'provider' | 'arn' | 'zone' | 'default';

/** The region of a zone name: `us-east-1a` → `us-east-1`, `us-central1-a` → `us-central1`. */
export function regionOfZone(zone: string): string | undefined {
  const google = /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(zone);
  if (google) return google[1];
  const aws = /^([a-z]{2}(?:-gov)?-[a-z]+-\d+)[a-z]$/.exec(zone);
  return aws ? aws[1] : undefined;
}

/** The region in an ARN (`arn:aws:elasticache:us-east-1:…` → `us-east-1`), if it has one. */
export function regionOfArn(arn: string | undefined): string | undefined {
  if (!arn?.startsWith('arn:')) return undefined;
  const region = arn.split(':')[3];
  return region ? region : undefined;
}

/** Azure locations are written several ways (`West Europe`, `westeurope`): one form. */
export function azureLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}

/** The region of `r` and how it was found, or undefined when no rule gives one. */
export function resolveRegion(
  r: TfResource,
  defaultRegion: string | undefined,
): { region: string; source: RegionSource } | undefined {
  if (r.provider === 'azurerm') {
    const location = str(r, 'location');
    if (location) return { region: azureLocation(location), source: 'resource' };
  } else {
    const own = str(r, 'region');
    if (own) return { region: own, source: 'resource' };
  }
  if (r.providerRegion) return { region: r.providerRegion, source: 'provider' };
  const arn = regionOfArn(str(r, 'arn') ?? str(r, 'id'));
  if (arn) return { region: arn, source: 'arn' };
  const zone = str(r, 'availability_zone') ?? str(r, 'zone') ?? str(r, 'location_id');
  const fromZone = zone === undefined ? undefined : regionOfZone(zone);
  if (fromZone) return { region: fromZone, source: 'zone' };
  if (defaultRegion) return { region: defaultRegion, source: 'default' };
  return undefined;
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** A short id for a region: `us-east-1` → `use1`, `ap-southeast-2` → `apse2`, else the name. */
export function regionId(location: string): string {
  const aws = /^([a-z]{2})-([a-z]+)-(\d+)$/.exec(location);
  if (aws) {
    const [, area, direction, number] = aws as unknown as [string, string, string, string];
    const short = DIRECTIONS[direction];
    if (short) return `${area}${short}${number}`;
  }
  return sanitizeId(location);
}

/** The part of a zone name that tells it from its region's other zones: `a`, `z1`. */
export function zoneSuffix(zone: string, region: string): string {
  if (zone.startsWith(region)) {
    const rest = zone.slice(region.length).replace(/^-/, '');
    if (rest !== '') return /^\d+$/.test(rest) ? `z${rest}` : sanitizeId(rest);
  }
  return sanitizeId(zone);
}

/** A string made into the shape of a Nines id (letters, digits, `.`, `_`, `:`, `-`; ≤ 56). */
export function sanitizeId(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9.:-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return (cleaned || 'node').slice(0, 56);
}
