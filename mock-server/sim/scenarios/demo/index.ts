/**
 * The demo mesh: Istio's Bookinfo (sidecars, Istio routing APIs), Online Boutique (sidecars,
 * Gateway API, STRICT mTLS, egress, rate limiting, JWT) and a small ambient namespace, on three nodes.
 *
 * mTLS is PERMISSIVE mesh-wide and STRICT in online-shop only, so the console has both a namespace
 * that accepts plaintext and one that refuses it to show.
 */
import type { Scenario } from '../../model';
import { ScenarioBuilder } from '../build/builder';
import { addIstioSystem } from '../build/istio-system';
import { addAmbientDemo } from './ambient';
import { addBookinfo } from './bookinfo';
import { addOnlineShop } from './online-shop';

/** The demo is fixed: screenshots and end-to-end tests can rely on its names and addresses. */
const DEMO_SEED = 20250601;
const DEMO_NODES = 3;

export function demoScenario(opts: { now?: Date } = {}): Scenario {
  const b = new ScenarioBuilder('demo', DEMO_SEED, { now: opts.now, nodes: DEMO_NODES });
  addIstioSystem(b, { ingressReplicas: 1, meshMtls: 'PERMISSIVE', ambient: true });
  addBookinfo(b);
  addOnlineShop(b);
  addAmbientDemo(b);
  return b.build();
}
