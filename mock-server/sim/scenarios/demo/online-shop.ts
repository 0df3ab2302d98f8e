/**
 * Google's Online Boutique: a gRPC microservice shop behind a Gateway API gateway, with a Redis
 * cart store over plain TCP and a payment service calling an external API. STRICT mTLS.
 */
import { DAY, type ScenarioBuilder } from '../build/builder';
import { namespace } from '../build/kube-objects';
import { SHOP_NS, addOnlineShopApps } from './online-shop-apps';
import { addOnlineShopCalls } from './online-shop-calls';
import { addOnlineShopConfig } from './online-shop-config';

const AGE = 5 * DAY;

export function addOnlineShop(b: ScenarioBuilder): void {
  b.add(namespace(b, SHOP_NS, { 'istio-injection': 'enabled' }, AGE));
  addOnlineShopApps(b, AGE - 300);
  addOnlineShopCalls(b);
  addOnlineShopConfig(b, AGE - 900);
}
