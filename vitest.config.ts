// Test sizes: small (pure, next to the code), medium (real services), e2e (running system + browser).
import { defineConfig } from 'vitest/config';

const ignored = ['**/node_modules/**', '**/dist/**', '.data*/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'small',
          include: ['{server,workers,models,web,infra,verifier}/**/*.test.ts'],
          exclude: [...ignored, '**/*.medium.test.ts', '**/*.e2e.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'medium',
          include: ['{server,workers,models,infra,verifier}/**/*.medium.test.ts'],
          exclude: ignored,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['{server,workers,web,infra}/**/*.e2e.test.ts'],
          exclude: ignored,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
