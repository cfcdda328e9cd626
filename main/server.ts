import { runServerMode } from '#main/server/runServerMode';

runServerMode(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
