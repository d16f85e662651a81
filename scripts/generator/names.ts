/**
 * Invented names and places for the fictional county policed by "Northmoor Constabulary".
 *
 * Everything here is synthetic. Surnames are built from whimsical fragments so that they read
 * as British but are not meant to identify anyone; towns are invented. Members of the public are
 * never named in generated files (victims and suspects are pseudonymised ids); only police
 * officers and staff get these invented names.
 */
import type { Rng } from './random';

export const FIRST_NAMES: readonly string[] = [
  'Aisha',
  'Alex',
  'Amy',
  'Andrew',
  'Bethany',
  'Callum',
  'Carl',
  'Chloe',
  'Claire',
  'Craig',
  'Daniel',
  'Dawn',
  'Declan',
  'Donna',
  'Ellie',
  'Emma',
  'Faisal',
  'Gareth',
  'Gemma',
  'Hannah',
  'Imran',
  'Jade',
  'Jamie',
  'Joanne',
  'Jon',
  'Karen',
  'Kelly',
  'Kieran',
  'Lauren',
  'Lee',
  'Liam',
  'Lisa',
  'Mark',
  'Michelle',
  'Nadia',
  'Neil',
  'Nicola',
  'Owen',
  'Paul',
  'Priya',
  'Rachel',
  'Ryan',
  'Sam',
  'Sarah',
  'Shaun',
  'Sophie',
  'Stuart',
  'Tom',
  'Tomasz',
  'Vicky',
  'Wayne',
  'Zoe',
];

const SURNAME_HEADS: readonly string[] = [
  'Hebble',
  'Tatter',
  'Wimble',
  'Fother',
  'Gribble',
  'Marrow',
  'Pendle',
  'Snod',
  'Thistle',
  'Cobble',
  'Dimble',
  'Nettle',
  'Brindle',
  'Quill',
  'Ruddle',
  'Scrope',
  'Tumble',
  'Wendle',
  'Brackle',
  'Hazle',
];
const SURNAME_TAILS: readonly string[] = [
  'wick',
  'by',
  'thorpe',
  'worth',
  'grove',
  'shaw',
  'stone',
  'ridge',
  'dale',
  'cote',
  'holme',
  'mere',
];

/** An invented surname such as "Hebblewick" or "Marrowthorpe". */
export function surname(rng: Rng): string {
  return rng.pick(SURNAME_HEADS) + rng.pick(SURNAME_TAILS);
}

/** "Firstname Surname", invented. */
export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${surname(rng)}`;
}

/** Towns of the fictional county, each with its local policing area name. */
export const TOWNS: readonly string[] = [
  'Kelderby',
  'Moorfleet',
  'Brackenfold',
  'Skellbridge',
  'Greythwaite',
  'Oxenmire',
  'Calderholme',
  'Ravensike',
  'Harnby Bridge',
  'Stainmoor Edge',
];

const STREET_STEMS: readonly string[] = [
  'Alder',
  'Beech',
  'Birch',
  'Hawthorn',
  'Larch',
  'Rowan',
  'Willow',
  'Elm',
  'Holly',
  'Juniper',
  'Kestrel',
  'Curlew',
  'Lapwing',
  'Heron',
  'Plover',
  'Mill',
  'Chapel',
  'Station',
  'Church',
  'Quarry',
  'Moor',
  'Fell',
  'Beck',
  'Tannery',
  'Weavers',
  'Foundry',
  'Canal',
  'Market',
  'Victoria',
  'Albert',
];
const STREET_KINDS: readonly string[] = [
  'Close',
  'Road',
  'Street',
  'Lane',
  'Avenue',
  'Way',
  'Drive',
  'Crescent',
  'Grove',
  'Terrace',
  'Court',
  'Gardens',
];

export function street(rng: Rng): string {
  return `${rng.pick(STREET_STEMS)} ${rng.pick(STREET_KINDS)}`;
}

export function town(rng: Rng): string {
  return rng.pick(TOWNS);
}

/** Generic local premises that might hold CCTV. */
export function cctvPremises(rng: Rng, streetName: string): string {
  return rng.pick([
    `the Co-op on ${streetName}`,
    `the convenience store on ${streetName}`,
    'the petrol station on the main road',
    'the Red Lion PH',
    'the takeaway opposite',
    'the council camera at the junction',
    'the doctors\u2019 surgery',
    'a neighbour\u2019s doorbell camera',
    'the bus company (on-board CCTV)',
    'the car park operator',
  ]);
}

export const VEHICLES: readonly string[] = [
  'silver Ford Focus',
  'blue Vauxhall Astra',
  'white Ford Transit van',
  'black VW Golf',
  'red Nissan Micra',
  'grey Vauxhall Corsa',
  'white Citroen Berlingo van',
  'blue Ford Fiesta',
  'silver Toyota Yaris',
  'green Land Rover Defender',
  'black Audi A3',
  'white Peugeot Partner van',
];
