// The first frame, painted before the scan starts, then updated between scan slices: entries
// read, bytes seen and time spent, so a huge tree never looks like a hang.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { formatDockerSize, type ScanProgressEvent } from '@ctxlens/core';
import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useState } from 'react';
import { formatCount } from '../../output/numbers.js';
import { Shown, Tinted } from './theme.js';

/** Props of LoadingScreen. */
export interface LoadingScreenProps {
  readonly dir: string;
  readonly progress: ScanProgressEvent | undefined;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** The loading screen. */
export function LoadingScreen({ dir, progress }: LoadingScreenProps): ReactNode {
  // A clock of its own: progress arrives per subtree, and the time must tick in between.
  const [started] = useState(() => performance.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(now - started, progress?.elapsedMs ?? 0);
  const frame = SPINNER[Math.floor(elapsed / 100) % SPINNER.length];
  return (
    <Box flexDirection="column">
      <Text>
        <Tinted tone="accent" bold>ctxlens </Tinted>
        reading <Shown text={dir} />
      </Text>
      <Text>
        {frame} {formatCount(progress?.entries ?? 0)} entries · {formatDockerSize(progress?.bytes ?? 0)} seen · {(elapsed / 1000).toFixed(1)}s
      </Text>
      <Tinted tone="muted">q cancels</Tinted>
    </Box>
  );
}
