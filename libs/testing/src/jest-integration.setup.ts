// Integration tests start real processes and brokers; a minute covers a cold JVM.
jest.setTimeout(120_000);
