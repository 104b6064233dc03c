import type { z } from 'zod';
import type { orderEntryWire} from './types';
import { orderTabWire, orderWire, type ActiveOrderTab, type CabinetOrder } from './types';

/** Cabinet orders: GraphQL getOrders/getOrderDetails and the REST orderTabs (kaspi-api.md §7a). */

type EntryWire = z.infer<typeof orderEntryWire>;

function entry(e: EntryWire): CabinetOrder['entries'][number] {
  return {
    masterSku: e.product?.code ?? e.masterProductCode ?? null,
    sku: e.merchantProduct?.code ?? e.merchantProductCode ?? null,
    name: e.product?.name ?? e.merchantProduct?.name ?? e.name ?? '',
    quantity: e.quantity ?? 1,
    totalPrice: e.totalPrice ?? null,
  };
}

function time(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const ms = typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}

/** Orders that do not even carry a code are dropped: nothing could refer to them. */
export function mapOrders(raw: unknown[]): CabinetOrder[] {
  return raw.flatMap((r) => {
    const o = orderWire.safeParse(r);
    return o.success ? [mapOrder(o.data)] : [];
  });
}

export function mapOrder(o: z.infer<typeof orderWire>): CabinetOrder {
  const name = [o.customer?.firstName, o.customer?.lastName].filter(Boolean).join(' ');
  const place = o.destination;
  const street = place ? [place.streetName, place.streetNumber, place.building].filter(Boolean).join(', ') : '';
  const pointId = (place?.__typename === 'Point' ? place.id : null) ?? (o.warehouse?.__typename === 'Point' ? o.warehouse.id : null) ?? null;
  // While the order waits for the seller, the open step's timeout is the acceptance deadline.
  const open = (o.steps ?? []).find((s) => s && s.timeoutTime && (s.status === null || s.status === undefined || /^(ACTIVE|IN_PROGRESS|WAITING|PENDING)$/.test(s.status)));
  return {
    code: o.code,
    status: o.status ?? null,
    totalPrice: o.totalPrice ?? null,
    createdAt: time(o.creationTime),
    modifiedAt: time(o.modificationTime),
    customerName: name || null,
    customerPhone: o.customer?.phoneNumber ?? null,
    cityId: place?.city?.id ?? o.warehouse?.city?.id ?? null,
    cityName: place?.city?.name ?? o.warehouse?.city?.name ?? null,
    destinationKind: place?.__typename ?? null,
    address: street || place?.name || null,
    pointId,
    deliveryMethod: o.deliveryMethod ?? null,
    kaspiDelivery: o.kaspiDelivery ?? null,
    plannedDeliveryAt: time(o.delivery?.plannedDeliveryDate),
    acceptDeadline: time(open?.timeoutTime),
    cancelReason: o.cancelReason ?? null,
    entries: (o.entries ?? []).map(entry),
  };
}

export function mapOrderTabs(raw: unknown): ActiveOrderTab[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((t) => {
    const tab = orderTabWire.safeParse(t);
    if (!tab.success) return [];
    return [{
      tab: tab.data.tab,
      totalCount: tab.data.totalCount ?? null,
      orders: tab.data.orders.map((o) => ({ code: o.code, status: o.status ?? null, createdAt: o.createDate ?? null, totalPrice: o.totalPrice ?? null, entries: (o.entries ?? []).map(entry) })),
    }];
  });
}
