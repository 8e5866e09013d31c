/**
 * Open311 GeoReport v2 (read-only): the matter list as services and reports as service requests, with the
 * location blurred to about 100 m and nothing about any person — no reporter, no handler names, no photos (file
 * ids are not public addresses), only what the public page of a report shows.
 */
import { REPORTS_LIMITS } from '../../../miniprogram/shared/limits';
import type { MatterDoc, ReportDoc } from '../documents';
import { STATUS_WORDS } from './flow';
import { blurred } from './geo';

/** A GeoReport v2 service. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** A GeoReport v2 service request. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  lat: number;
  long: number;
}

/** A matter as a service. */
export function open311Service(
  m: Pick<MatterDoc, '_id' | 'name' | 'category' | 'departmentName' | 'resolveHours'>,
): Open311Service {
  return {
    service_code: m._id,
    service_name: m.name,
    description: `${m.departmentName}承办，${m.resolveHours} 小时内办结`,
    metadata: false,
    type: 'realtime',
    keywords: m.category,
    group: m.category,
  };
}

/** A report as a service request (location blurred, no personal data). */
export function open311Request(r: ReportDoc): Open311Request {
  const at = blurred({ latitude: r.lat, longitude: r.lng }, REPORTS_LIMITS.blurDecimals);
  const closed = r.status === 'closed' || r.status === 'dismissed';
  return {
    service_request_id: r._id,
    status: closed ? 'closed' : 'open',
    status_notes: STATUS_WORDS[r.status],
    service_name: r.matterName,
    service_code: r.matterId,
    description: r.description,
    agency_responsible: r.status === 'patrol' ? '' : r.departmentName,
    service_notice: '',
    requested_datetime: r.createdAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: r.resolveBy && !closed ? r.resolveBy.toISOString() : null,
    address: `${r.communityName}${r.gridName}`,
    lat: at.latitude,
    long: at.longitude,
  };
}
