/** Who calls whom in Online Boutique, and how often per request. */
import { EXTERNAL_ORIGIN, workloadKey } from '../../model';
import type { ScenarioBuilder } from '../build/builder';
import { fanOutCall, get, post, rootCall, rpc, toService, type CallRequest } from '../build/calls';
import { RECOMMENDATION_APP, SHOP_NS, shopService } from './online-shop-apps';
import { SHOP_GATEWAY_SERVICE, STRIPE_HOST } from './online-shop-config';

/** Calls per request a workload makes, as [target app, fan-out, request]. */
type FanOut = [string, number, CallRequest?];

const FRONTEND_CALLS: FanOut[] = [
  ['currencyservice', 1, rpc('/hipstershop.CurrencyService/GetSupportedCurrencies')],
  ['currencyservice', 2.5, rpc('/hipstershop.CurrencyService/Convert')],
  ['productcatalogservice', 0.5, rpc('/hipstershop.ProductCatalogService/ListProducts')],
  ['productcatalogservice', 0.6, rpc('/hipstershop.ProductCatalogService/GetProduct')],
  ['cartservice', 0.9, rpc('/hipstershop.CartService/GetCart')],
  ['cartservice', 0.1, rpc('/hipstershop.CartService/AddItem')],
  [RECOMMENDATION_APP, 0.4, rpc('/hipstershop.RecommendationService/ListRecommendations')],
  ['adservice', 0.5, rpc('/hipstershop.AdService/GetAds')],
  ['shippingservice', 0.2, rpc('/hipstershop.ShippingService/GetQuote')],
  ['checkoutservice', 0.05, rpc('/hipstershop.CheckoutService/PlaceOrder')],
];

const CHECKOUT_CALLS: FanOut[] = [
  ['cartservice', 1, rpc('/hipstershop.CartService/GetCart')],
  ['cartservice', 1, rpc('/hipstershop.CartService/EmptyCart')],
  ['productcatalogservice', 2, rpc('/hipstershop.ProductCatalogService/GetProduct')],
  ['currencyservice', 3, rpc('/hipstershop.CurrencyService/Convert')],
  ['shippingservice', 1, rpc('/hipstershop.ShippingService/GetQuote')],
  ['shippingservice', 1, rpc('/hipstershop.ShippingService/ShipOrder')],
  ['paymentservice', 1, rpc('/hipstershop.PaymentService/Charge')],
  ['emailservice', 1, rpc('/hipstershop.EmailService/SendOrderConfirmation')],
];

const RECOMMENDATION_CALLS: FanOut[] = [
  ['productcatalogservice', 1, rpc('/hipstershop.ProductCatalogService/ListProducts')],
];

export function addOnlineShopCalls(b: ScenarioBuilder): void {
  const from = (deployment: string, calls: FanOut[]) =>
    calls.map(([app, fanOut, request]) =>
      fanOutCall(workloadKey(SHOP_NS, deployment), shopService(app), fanOut, request),
    );
  const frontend = shopService('frontend');
  const gateway = toService(SHOP_GATEWAY_SERVICE, SHOP_NS, 80, 'http');
  const loadgenerator = workloadKey(SHOP_NS, 'loadgenerator');
  b.addCalls(
    rootCall(loadgenerator, frontend, 3, get('/')),
    rootCall(loadgenerator, frontend, 3, get('/product/OLJCESPC7Z')),
    rootCall(loadgenerator, frontend, 1.5, get('/cart')),
    rootCall(loadgenerator, frontend, 1, post('/cart')),
    rootCall(loadgenerator, frontend, 0.5, post('/setCurrency')),
    rootCall(loadgenerator, frontend, 0.5, post('/cart/checkout')),
    rootCall(EXTERNAL_ORIGIN, gateway, 2, get('/')),
    rootCall(EXTERNAL_ORIGIN, gateway, 2, get('/product/66VCHSJNUP')),
    // Clients without a JWT: the frontend's policy denies these with 403.
    rootCall(EXTERNAL_ORIGIN, gateway, 0.5, get('/api/cart')),
    ...from('frontend', FRONTEND_CALLS),
    ...from('checkoutservice', CHECKOUT_CALLS),
    ...from('recommendationservice-v1', RECOMMENDATION_CALLS),
    ...from('recommendationservice-v2', RECOMMENDATION_CALLS),
    fanOutCall(workloadKey(SHOP_NS, 'cartservice'), shopService('redis-cart'), 1),
    fanOutCall(workloadKey(SHOP_NS, 'paymentservice'), { host: STRIPE_HOST, port: 443, protocol: 'tcp' }, 1),
  );
}
