import { startSimulator } from './server';

// `npm run simulator`: the provincial back-end simulator on 127.0.0.1:$SIMULATOR_PORT (default 4010),
// keeping its state in $SIMULATOR_STORE (default .data/simulator.json).
async function main() {
  const sim = await startSimulator({
    port: Number(process.env.SIMULATOR_PORT ?? 4010),
    storePath: process.env.SIMULATOR_STORE ?? '.data/simulator.json',
    statusStepMs: Number(process.env.SIMULATOR_STATUS_STEP_MS ?? 60_000),
    ...(process.env.SIMULATOR_WEBHOOK_URL ? { webhookUrl: process.env.SIMULATOR_WEBHOOK_URL } : {}),
  });
  console.log(`Provincial back-end simulator on ${sim.url} (faults: POST ${sim.url}/admin/faults)`);
}

void main();
