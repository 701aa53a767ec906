import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {DiskUsage} from '../../source/domain/disk-usage.js';
import type {HistoryLayer, ImageRow} from '../../source/domain/image.js';
import type {NetworkRow} from '../../source/domain/network.js';
import type {PullMessage} from '../../source/domain/pull-progress.js';
import type {VolumeRow} from '../../source/domain/volume.js';
import {diskUsageFromRaw} from '../../source/engine/disk-api.js';
import {imageFromSummary, layerFromHistory} from '../../source/engine/images-api.js';
import {networkFromRaw} from '../../source/engine/networks-api.js';
import {volumeFromRaw} from '../../source/engine/volumes-api.js';
import {rowFromInspect} from '../../source/engine/container-mapping.js';
import type {ContainerRow} from '../../source/domain/container.js';

const dir = fileURLToPath(new URL('../fixtures/engine/resources/', import.meta.url));
const json = (file: string) => JSON.parse(readFileSync(dir + file, 'utf8'));

/** Images, volumes, networks, disk usage, history and a pull stream captured from the real engine (see the fixtures' README). */
export const resourceFixtures = {
	images: (): ImageRow[] => json('images-list.json').map(imageFromSummary),
	volumes: (): VolumeRow[] => json('volumes-list.json').Volumes.map(volumeFromRaw),
	networks: (): NetworkRow[] => [networkFromRaw(json('network-fx-net.json')), networkFromRaw(json('network-host.json'))],
	disk: (): DiskUsage => diskUsageFromRaw(json('system-df.json')),
	history: (): HistoryLayer[] => json('history-app.json').map(layerFromHistory),
	container: (): ContainerRow => rowFromInspect(json('inspect-fx-web.json')),
	pull: (): PullMessage[] => readFileSync(dir + 'pull-layered.jsonl', 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line)),
};
