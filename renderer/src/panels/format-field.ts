import { formatDuration, formatNumber, formatPercent, formatUsd } from '../app/format';
import type { FieldUnit } from './field-specs';

/** A field value as the inspector shows it, with its unit: `17,520 h`, `99.99 %`, `86,400 s (1 d)`. */
export function formatFieldValue(value: unknown, unit: FieldUnit): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'number') return String(value);
  switch (unit) {
    case 'probability':
      return formatPercent(value);
    case 'hours':
      return `${formatNumber(value)} h`;
    case 'seconds':
      return value < 120
        ? `${formatNumber(value)} s`
        : `${formatNumber(value)} s (${formatDuration(value)})`;
    case 'ms':
      return `${formatNumber(value)} ms`;
    case 'days':
      return `${formatNumber(value)} d`;
    case 'rps':
      return `${formatNumber(value)} req/s`;
    case 'gib':
      return `${formatNumber(value)} GiB`;
    case 'mbps':
      return `${formatNumber(value)} Mbit/s`;
    case 'mbytesps':
      return `${formatNumber(value)} MB/s`;
    case 'usdPerHour':
      return `${formatUsd(value)} / h`;
    case 'usdPerMonth':
      return `${formatUsd(value)} / month`;
    case 'count':
    case 'text':
    case 'boolean':
      return formatNumber(value);
  }
}
