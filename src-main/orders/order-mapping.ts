import { outcomeOfKaspi, stateOfKaspi } from '../../src-shared/domain/order';
import type { OrderState } from '../../src-shared/domain/order';
import type { SyncedEntry, SyncedOrder } from '../db/repos/orders-repo';
import type { ShopOrder, ShopOrderEntry } from '../kaspi/shop-api';
import type { CabinetOrder } from '../kaspi/types';

/**
 * Both sources into one order model. Money is whole tenge (Kaspi sends 4000.0); an order Kaspi
 * sends without a creation time cannot be placed in any day and is skipped.
 */

/** Where a buyer's town or a point of sale is, by the store's own cities and points. */
export interface PlaceLookup {
  cityOfPoint(pointId: string | null): { id: string; name: string } | null;
  cityByName(name: string | null): { id: string; name: string } | null;
}

const tenge = (value: number | null | undefined): number => Math.max(0, Math.round(value ?? 0));
const name = (...parts: (string | null | undefined)[]): string | null => parts.filter(Boolean).join(' ') || null;

export function fromShopOrder(o: ShopOrder, queriedState: OrderState, entries: readonly ShopOrderEntry[] | null, places: PlaceLookup): SyncedOrder | null {
  const createdMs = o.createdAt ?? o.approvedByBankAt;
  if (createdMs === null) return null;
  const state = stateOfKaspi(o.state) ?? queriedState;
  // A pickup order is collected at the point; a delivery goes to the buyer's town.
  const pickup = (o.deliveryMode ?? '').endsWith('PICKUP');
  const city = (pickup ? places.cityOfPoint(o.pickupPointId) : places.cityByName(o.town)) ?? places.cityByName(o.town) ?? places.cityOfPoint(o.pickupPointId);
  return {
    code: o.code,
    kaspiId: o.id,
    source: 'shop_api',
    state,
    outcome: outcomeOfKaspi(state, o.status),
    status: o.status,
    // The cabinet's tab for a parcel Kaspi's courier took: the shop API says so by its date.
    kaspiTab: o.courierTransmittedAt !== null ? 'KASPI_DELIVERY_TRANSMITTED' : null,
    createdMs,
    totalPrice: tenge(o.totalPrice),
    deliveryCost: o.deliveryCost === null ? null : tenge(o.deliveryCost),
    deliveryMode: o.deliveryMode,
    kaspiDelivery: o.kaspiDelivery,
    paymentMode: o.paymentMode,
    cityId: city?.id ?? null,
    cityName: city?.name ?? o.town,
    pointId: o.pickupPointId,
    address: o.address,
    customerName: name(o.customer?.firstName, o.customer?.lastName),
    phone: o.customer?.phone ?? null,
    phoneMasked: false,
    plannedDeliveryMs: o.plannedDeliveryAt,
    acceptDeadlineMs: null,
    cancelReason: null,
    changedMs: null,
    entries: entries ? entries.map(fromShopEntry) : null,
  };
}

export function fromShopEntry(e: ShopOrderEntry): SyncedEntry {
  const quantity = Math.max(1, Math.round(e.quantity ?? 1));
  return {
    masterSku: e.masterSku,
    sku: e.sku,
    name: e.title ?? e.sku ?? e.masterSku ?? '—',
    quantity,
    totalPrice: tenge(e.totalPrice ?? (e.basePrice ?? 0) * quantity),
  };
}

/** A cabinet order read from one tab; the tab is its state (the order's own status words differ). */
export function fromCabinetOrder(o: CabinetOrder, tab: string, places: PlaceLookup): SyncedOrder | null {
  const state = stateOfKaspi(tab);
  if (o.createdAt === null || state === null) return null;
  const city = o.cityId ? { id: o.cityId, name: o.cityName ?? o.cityId } : (places.cityOfPoint(o.pointId) ?? places.cityByName(o.cityName));
  return {
    code: o.code,
    kaspiId: null,
    source: 'cabinet',
    state,
    outcome: outcomeOfKaspi(state, o.status),
    status: o.status,
    kaspiTab: tab,
    createdMs: o.createdAt,
    totalPrice: tenge(o.totalPrice),
    deliveryCost: null,
    deliveryMode: o.deliveryMethod,
    kaspiDelivery: o.kaspiDelivery,
    paymentMode: null,
    cityId: city?.id ?? null,
    cityName: city?.name ?? o.cityName,
    pointId: o.pointId,
    address: o.address,
    customerName: o.customerName,
    // §3: the cabinet masks the phone (+0(000)-000-00-00); a mask is not a number.
    phone: null,
    phoneMasked: true,
    plannedDeliveryMs: o.plannedDeliveryAt,
    acceptDeadlineMs: o.acceptDeadline,
    cancelReason: o.cancelReason,
    changedMs: o.modifiedAt,
    entries: o.entries.map((e) => ({
      masterSku: e.masterSku,
      sku: e.sku,
      name: e.name || e.sku || e.masterSku || '—',
      quantity: Math.max(1, Math.round(e.quantity)),
      totalPrice: tenge(e.totalPrice),
    })),
  };
}
