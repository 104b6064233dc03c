import type { DeliveryDuration } from '../../../src-shared/domain/offer';

/** The simulator's world: everything a scenario creates and the servers read. */

export interface City {
  id: string; // 9-digit KATO-like id (kaspi-api.md §0)
  name: string;
}

/** Point of sale (warehouse). id is `{merchantUid}_{PPn}`, name the short code `PPn` (§0). */
export interface Point {
  id: string;
  name: string;
  cityId: string;
  enabled: boolean;
  virtual: boolean;
}

export interface Merchant {
  uid: string;
  name: string;
  rating: number;
  reviewsQuantity: number;
  /** true for the stores the scenario's accounts own (the app's side of the market). */
  own: boolean;
  points: Point[];
  /** Official shop API token (§7b X-Auth-Token); only own merchants have one. */
  apiToken?: string;
  segmentId: string;
}

export interface Account {
  id: string;
  /** Email login (§1a, §1d). */
  email?: string;
  password?: string;
  /** Phone in Kaspi's mask `+7 (XXX) XXX-XX-XX` (§1c). */
  phone?: string;
  /** Email login asks for a code after the password (§1a step 4, §1d step 2). */
  mfa: boolean;
  merchantUids: string[];
  name: string;
}

export interface Product {
  masterSku: string;
  title: string;
  brand: string;
  category: string; // without the "Master - " prefix
  images: string[];
}

/** Availability of one offer at one point, as pricefeed sends it (§5) and bff lists it (§6). */
export interface Availability {
  storeId: string;
  available: 'yes' | 'no';
  stockCount: number | null;
  preOrder: number;
}

export type BotStrategy =
  | { kind: 'static' }
  /** Answers any cheaper rival with rival − step, never below floor; raises towards ceil when alone. */
  | { kind: 'undercut'; step: number; floor: number; ceil: number; reactMs: number }
  /** Same rule, but answers after minutes. */
  | { kind: 'slow'; step: number; floor: number; ceil: number; reactMs: number }
  | { kind: 'random-walk'; periodMs: number; maxStep: number; floor: number; ceil: number }
  /** Takes the offer off sale for awayMs, then back for presentMs, forever. */
  | { kind: 'leaver'; presentMs: number; awayMs: number };

export interface MarketOffer {
  productId: string;
  merchantUid: string;
  merchantSku: string;
  model: string;
  /** Price for every city without its own entry in cityPrices. */
  basePrice: number | null;
  cityPrices: Map<string, number>;
  availabilities: Availability[];
  deliveryByCity: Map<string, DeliveryDuration>;
  kaspiDelivery: boolean;
  purchaseCount: number;
  /** Set by the leaver bot: the offer is temporarily off the storefront. */
  away: boolean;
  bot: BotStrategy | null;
  updatedAt: number;
}

export const ORDER_TABS = [
  'NEW',
  'SIGN_REQUIRED',
  'PICKUP',
  'DELIVERY',
  'KASPI_DELIVERY_WAIT_FOR_POINT_DELIVERY',
  'KASPI_DELIVERY_CARGO_ASSEMBLY',
  'KASPI_DELIVERY_WAIT_FOR_COURIER',
  'KASPI_DELIVERY_TRANSMITTED',
  'KASPI_DELIVERY_RETURN_REQUEST',
  'ARCHIVED',
] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

export type OrderStatus =
  | 'APPROVED_BY_BANK'
  | 'ACCEPTED_BY_MERCHANT'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'CANCELLING'
  | 'KASPI_DELIVERY_RETURN_REQUESTED'
  | 'RETURNED';

export interface OrderEntry {
  id: string;
  productId: string;
  merchantSku: string;
  name: string;
  quantity: number;
  basePrice: number;
  totalPrice: number;
  category: string;
}

export interface Order {
  id: string;
  code: string;
  merchantUid: string;
  tab: OrderTab;
  status: OrderStatus;
  creationDate: number;
  modificationDate: number;
  approvedByBankDate: number;
  plannedDeliveryDate: number;
  totalPrice: number;
  deliveryCost: number;
  paymentMode: 'PAY_WITH_CREDIT' | 'PREPAID';
  deliveryMode: 'DELIVERY_LOCAL' | 'DELIVERY_PICKUP' | 'DELIVERY_REGIONAL_TODOOR' | 'DELIVERY_REGIONAL_PICKUP';
  isKaspiDelivery: boolean;
  signatureRequired: boolean;
  creditTerm: number;
  preOrder: boolean;
  pickupPointId: string;
  cityId: string;
  customer: { id: string; firstName: string; lastName: string; cellPhone: string };
  address: { streetName: string; streetNumber: string; town: string; latitude: number; longitude: number };
  entries: OrderEntry[];
  /** Every move with its time, oldest first (what the cabinet's `markers` log shows). */
  history: { at: number; tab: OrderTab; status: OrderStatus }[];
  /** Until when a NEW order waits for the seller (the cabinet's open step timeout). */
  acceptBy: number;
  /** Our place in the buyer's city when the buyer chose (1 = first): how the simulator decided. */
  position: number;
}

export interface Review {
  id: string;
  author: string;
  date: string;
  rating: number;
  text: string;
  plus: string;
  minus: string;
  merchantUid: string;
  merchantName: string;
  orderNumber: string;
}

export interface ScenarioData {
  name: string;
  seed: number;
  cities: City[];
  merchants: Merchant[];
  accounts: Account[];
  products: Product[];
  offers: MarketOffer[];
  /**
   * Slots of a merchant's on-sale cabinet list (0-based, before paging) that `total` counts but
   * no page renders: entries of offers deleted a moment ago that the list's index still holds.
   * They make a page shorter than `l` before the last one (§6: paging follows `total`).
   */
  staleListSlots?: Record<string, number[]>;
  /**
   * Mean time between buyers of the merchant's products (Kaspi ms, at an average hour); each buyer
   * picks an offer by its place in the city, so our orders arrive less often. 0 = no new orders.
   */
  orderIntervalMs: number;
  /** Orders each own merchant already has when the scenario starts, spread over historyDays. */
  initialOrdersPerMerchant: number;
  historyDays: number;
}
