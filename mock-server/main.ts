/** `npm run mock`: the mock cluster on its own, for kubectl, client libraries and `npm run dev`. */
import { parseArgs } from 'node:util';
import { startMockServer } from './app';
import { SCENARIO_NAMES, type ScenarioName } from './sim/scenarios';

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string', default: '7070' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'demo' },
    pods: { type: 'string' },
    seed: { type: 'string' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
    tokens: { type: 'string' },
    'history-minutes': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`Usage: npm run mock -- [--port 7070] [--host 127.0.0.1] [--scenario demo|scale] [--pods N]
                       [--seed S] [--data-dir DIR] [--fresh] [--tokens FILE]
                       [--history-minutes M]   telemetry history simulated at start (default 60)`);
  process.exit(0);
}

function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return parsed;
}

if (!isScenarioName(flags.scenario)) {
  console.error(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, got "${flags.scenario}"`);
  process.exit(2);
}

const mock = await startMockServer({
  host: flags.host,
  port: numberFlag('port', flags.port) ?? 7070,
  scenario: flags.scenario,
  pods: numberFlag('pods', flags.pods),
  seed: numberFlag('seed', flags.seed),
  dataDir: flags['data-dir'],
  fresh: flags.fresh,
  tokensFile: flags.tokens,
  historyMinutes: numberFlag('history-minutes', flags['history-minutes']),
});
console.log(`Mock Kubernetes API: ${mock.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void mock.close().then(() => process.exit(0));
  });
}
