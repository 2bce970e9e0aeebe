import { rmSync } from 'node:fs';
import { runState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = runState();
  await state.ferret?.stop();
  if (state.tempDir) rmSync(state.tempDir, { recursive: true, force: true });
  state.ferret = undefined;
  state.tempDir = undefined;
}
