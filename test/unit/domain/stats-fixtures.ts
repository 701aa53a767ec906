import {readFileSync} from 'node:fs';
import assert from 'node:assert/strict';
import type {RawStats} from '../../../source/domain/stats-calc.js';

/*
 * Shared by the stats-calc tests: the recorded fixtures in test/fixtures/stats
 * (see the README there for how each was captured) and a float comparison.
 */

/** Reads a fixture from test/fixtures/stats. */
export function fixture<T = RawStats>(name: string): T {
	return JSON.parse(readFileSync(new URL(`../../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T;
}

/** A deep copy, so a case can break a fixture without touching the others. */
export function copy(raw: RawStats): RawStats {
	return structuredClone(raw);
}

/** Two consecutive frames of a stream from a container running `yes`. */
export const [streamFirst, streamSecond] = fixture<[RawStats, RawStats]>('busy-stream.json');
/** A stream=false response from the same busy container. */
export const oneShot = fixture('busy-one-shot.json');
/** 20 MiB written and read with O_DIRECT. */
export const blkio = fixture('blkio-write-read.json');
/** The same with throttle rules, and a Discard row. */
export const blkioThrottled = fixture('blkio-throttled-discard.json');
/** cgroup v1, -m 64m, 16 MiB of page cache. */
export const memoryLimit = fixture('memory-limit-64m.json');
/** Podman 4.3: the first two frames of a stream from a container spinning half a core, 5 s apart. */
export const [podmanFirst, podmanSecond] = fixture<[RawStats, RawStats]>('podman-stream.json');
/** Podman 4.3: a one-shot reading of the same container, with a zero precpu and preread. */
export const podmanOneShot = fixture('podman-one-shot.json');
/** Hand-made cgroup v2 frame with two interfaces. */
export const cgroup2 = fixture('cgroup2-with-network.json');

/** Fails unless two numbers agree to 1e-6 (percentages are floating point). */
export function near(actual: number, expected: number, label: string): void {
	assert.ok(Math.abs(actual - expected) < 1e-6, `${label}: ${actual} is not ${expected}`);
}
