import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.{ts,tsx}'],
					testTimeout: 20_000,
					globalSetup: ['test/temp-root.ts'],
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					testTimeout: 60_000,
					globalSetup: ['test/temp-root.ts', 'test/e2e/global-setup.ts'],
				},
			},
		],
	},
});
