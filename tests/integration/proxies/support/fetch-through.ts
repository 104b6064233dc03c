import { request } from 'undici';
import { banFromResponse } from '../../../../src-main/proxies/errors';
import type { LaneHandle } from '../../../../src-main/proxies/pool';

/** What the Kaspi transport does per request: send through the lane, treat 403 as an IP ban. */
export async function fetchThrough(lane: LaneHandle, url: string): Promise<{ ip: string; lane: number }> {
  const response = await request(url, { dispatcher: lane.dispatcher, signal: lane.signal });
  const body = await response.body.text();
  const ban = banFromResponse(response.statusCode, response.headers);
  if (ban) throw ban;
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${body}`);
  return { ip: (JSON.parse(body) as { ip: string }).ip, lane: lane.id };
}
