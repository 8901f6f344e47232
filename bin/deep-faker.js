#!/usr/bin/env -S node --max-semi-space-size=32
// A larger young generation lets flows and events die young instead of being promoted:
// 5-10% less CPU per event on the engine's workloads, RSS still well under 300 MB (bench/README.md).
import('../dist/cli/main.js').then((m) => m.main(process.argv.slice(2)));
