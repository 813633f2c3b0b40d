import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/localStack.globalSetup.ts'],
          setupFiles: ['tests/helpers/integration.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One DynamoDB Local for the run. Files build their own communities, but the scheduler works on
          // everything that is due, so files run one after another.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/stack.globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
})
