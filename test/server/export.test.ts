// The export formats on their own: PLOVER→ACLED crosswalk, CSV quoting, precision columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledType, csvRow, geoFeature, renderExport } from '../../src/server/export.ts';
import type { EventItem } from '../../src/store/types.ts';

const base: EventItem = {
  id: 'ev_1', document_id: 'd', document: 'a.txt', local_id: 'e01', type: 'ASSAULT', mode: 'drone', trigger: 'strike', status: 'occurred',
  date: '2024-02-07', date_start: '2024-02-07', date_end: '2024-02-07', date_basis: '', location: 'Baghdad', place_id: 'BAGHDAD',
  within: 'Baghdad Governorate, Iraq', lat: 33.3, lon: 44.4, fatalities: 3, injured: null, source: ['US_FORCES'], target: ['KATAIB_HEZBOLLAH'],
  attributed_to: '', evidence: 'a drone strike killed three, including "Abu Baqir"', evidence_start: 0, evidence_end: 10,
  url: null, outlet: 'TruceWire', published: '2024-02-08', review: null, merged_into: null, edited: false,
};
const names = (id: string) => ({ US_FORCES: 'US forces', KATAIB_HEZBOLLAH: 'Kataib Hezbollah' })[id] ?? id;

test('PLOVER types and modes map to ACLED types; verbal events are not ACLED events', () => {
  assert.deepEqual(acledType('ASSAULT', 'drone'), ['Explosions/Remote violence', 'Air/drone strike']);
  assert.deepEqual(acledType('ASSAULT', ''), ['Battles', 'Armed clash']);
  assert.deepEqual(acledType('COERCE', 'arrest'), ['Strategic developments', 'Arrests']);
  assert.equal(acledType('ACCUSE', ''), null);
  assert.equal(csvRow({ ...base, type: 'THREATEN' }, names), null);
});

test('CSV rows: quoting, precision, admin1, and no spreadsheet formulas', () => {
  assert.equal(csvRow(base, names),
    'ev_1,2024-02-07,1,Explosions/Remote violence,Air/drone strike,US forces,Kataib Hezbollah,Baghdad Governorate,Baghdad,33.3,44.4,1,TruceWire,"a drone strike killed three, including ""Abu Baqir""",3\n');
  const month = csvRow({ ...base, date: '2024-02', date_start: '2024-02-01', date_end: '2024-02-29', location: 'Iraq', within: '', fatalities: null }, names)!.split(',');
  assert.equal(month[2], '3');
  assert.equal(month[7], '');
  assert.equal(month[11], '3');
  assert.equal(month.at(-1), '0\n');
  const evil = csvRow({ ...base, evidence: '=HYPERLINK("http://x")' }, names)!;
  assert.ok(evil.includes(`"'=HYPERLINK(""http://x"")"`), evil);
});

test('GeoJSON keeps events with coordinates; JSON lines keep everything', async () => {
  assert.equal(geoFeature({ ...base, lat: null, lon: null }), null);
  async function* two() {
    yield base;
    yield { ...base, id: 'ev_2', lat: null, lon: null };
  }
  const geo = JSON.parse(await renderExport('geojson', two(), names));
  assert.equal(geo.features.length, 1);
  assert.deepEqual(geo.features[0].geometry.coordinates, [44.4, 33.3]);
  assert.equal((await renderExport('jsonl', two(), names)).trim().split('\n').length, 2);
});
