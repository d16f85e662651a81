/**
 * What happened: the facts of one synthetic crime, per category — classification, place, modus
 * operandi, loss, candidate lines of enquiry with their possible results, and the advice an
 * officer would give. Narrative wording of log entries lives in narrative.ts.
 */
import { cctvPremises, street, surname as surnameFor, town, VEHICLES } from './names';
import type { Rng, Weighted } from './random';
import { HOUR, hhmm, MINUTE } from './time';
import type { Category, LineCategory, Suspect } from './types';

export interface LineTemplate {
  category: LineCategory;
  action: string;
  /** Possible results when the line is completed (one is picked). */
  results: readonly string[];
  /** Why the line was closed as not applicable, if it is. */
  naReason: string;
  /** A completed line of this kind can identify a suspect this way. */
  identifies?: NonNullable<Suspect['identified_by']>;
}

export interface Scenario {
  category: Category;
  hocr: string;
  description: string;
  flags: string[];
  /** Address or premises as written by officers, e.g. "12 Alder Close, Kelderby". */
  place: string;
  streetName: string;
  town: string;
  /** House-to-house range, e.g. "Nos 2–14 Alder Close". */
  h2h: string;
  /** Premises likely to hold CCTV. */
  cctv: string;
  /** What the caller reported, one or two sentences in officer shorthand. */
  summary: string;
  /** Method, if any, e.g. "rear kitchen window forced". */
  mo: string;
  /** Property stolen or damage caused ("" if none). */
  loss: string;
  /** The loss as a clause, e.g. "laptop and cash taken" ("" if none). */
  lossPhrase: string;
  /** Offence window relative to the report, in ms before reported_at: [from, to]. */
  occurred: [number, number] | null;
  victimKind: 'person' | 'business';
  domestic: boolean;
  /** The victim names (or can name) the suspect from the start. */
  namedSuspect: boolean;
  /** Candidate lines of enquiry (the record picks a subset). */
  lines: LineTemplate[];
  advice: { crimePrevention: readonly string[]; evidence: readonly string[]; safety: readonly string[] };
  /** Reasons a call handler / THRIVE assessment gave for not attending. */
  notAttendedRationale: readonly string[];
  /** What an attending officer found and did, one sentence. */
  attendedFinding: readonly string[];
  /** Ticks on the seriousness scale: used for serious flags and outcome choice. */
  serious: boolean;
}

/** Hour-of-day (London) weights for when each category tends to be reported. */
const hourWeightCache = new Map<Category, Weighted<number>[]>();

export function reportHourWeights(category: Category): Weighted<number>[] {
  let w = hourWeightCache.get(category);
  if (!w) {
    w = computeHourWeights(category);
    hourWeightCache.set(category, w);
  }
  return w;
}

function computeHourWeights(category: Category): Weighted<number>[] {
  const hours = (peaks: Record<number, number>, base = 1): Weighted<number>[] =>
    Array.from({ length: 24 }, (_, h) => [h, base + (peaks[h] ?? 0)] as const);
  switch (category) {
    case 'burglary_dwelling':
      return hours({
        7: 4,
        8: 5,
        9: 4,
        16: 4,
        17: 8,
        18: 9,
        19: 7,
        20: 4,
        21: 2,
        0: -0.6,
        1: -0.7,
        2: -0.8,
        3: -0.8,
        4: -0.8,
        5: -0.7,
      });
    case 'burglary_other':
      return hours({ 7: 6, 8: 8, 9: 6, 10: 4, 11: 2, 16: 2, 17: 2, 1: -0.7, 2: -0.8, 3: -0.8, 4: -0.8 });
    case 'theft_from_vehicle':
      return hours({ 6: 4, 7: 9, 8: 9, 9: 5, 10: 3, 17: 2, 18: 2, 1: -0.7, 2: -0.8, 3: -0.8, 4: -0.8 });
    case 'assault_with_injury':
    case 'assault_without_injury':
      return hours({ 15: 1, 16: 2, 17: 2, 18: 2, 19: 3, 20: 4, 21: 5, 22: 6, 23: 6, 0: 6, 1: 5, 2: 4, 3: 1 });
    case 'criminal_damage':
      return hours({ 7: 3, 8: 4, 9: 3, 18: 2, 19: 2, 20: 3, 21: 3, 22: 3, 23: 2, 2: -0.6, 3: -0.8, 4: -0.8 });
    default:
      return hours({
        9: 2,
        10: 2,
        11: 2,
        12: 2,
        13: 2,
        14: 2,
        15: 2,
        16: 2,
        17: 2,
        18: 2,
        19: 2,
        1: -0.6,
        2: -0.7,
        3: -0.8,
        4: -0.8,
      });
  }
}

const h = (n: number): number => n * HOUR;
const m = (n: number): number => n * MINUTE;

function houseNumbers(rng: Rng): { no: number; h2h: (name: string) => string } {
  const no = rng.int(1, 48);
  const lo = Math.max(1, no - 2 * rng.int(2, 4));
  const hi = no + 2 * rng.int(2, 4);
  return { no, h2h: (name) => `Nos ${lo}\u2013${hi} ${name}` };
}

const CCTV_RESULTS: readonly string[] = [
  'Viewed. Camera faces the car park only \u2014 nil of evidential value.',
  'System overwritten after 7 days; nothing retained.',
  'Footage seized on disc (exhibit CCTV/1). Poor quality, figure seen at a distance \u2014 not identifiable.',
  'No CCTV in place despite signage.',
  'Owner unable to download; CCTV officer tasked, footage shows two males passing at relevant time, no further identification.',
  'Footage reviewed: nothing of note in the time window.',
];
const H2H_RESULTS: readonly string[] = [
  'Completed. Nil witnesses. No reply at two addresses, cards left.',
  'Completed. Neighbour heard a bang at approx 0200 but did not look out. Nil else.',
  'Completed, negative. One resident has a doorbell camera \u2014 does not cover the road.',
  'Partially completed by PCSO; no one saw or heard anything.',
  'Completed. Neighbour saw two youths in dark hoodies loitering earlier in the evening \u2014 description too vague to progress.',
];
const STATEMENT_RESULTS: readonly string[] = [
  'MG11 obtained.',
  'MG11 taken at home address.',
  'Statement obtained; IP content for contact by email.',
];
const PROPERTY_RESULTS: readonly string[] = [
  'Serial numbers obtained and recorded on the force property index. Nil trace to date.',
  'IP has no serial numbers or photographs. Property not traceable.',
  'Circulated to second-hand dealers in the area. No trace.',
];
const SERIES_RESULTS: readonly string[] = [
  'Checked. Two similar offences on adjoining streets same week \u2014 linked on system, intel submitted.',
  'Checked \u2014 no similar MO in the area.',
  'Possible series with offences in the neighbouring beat; referred to the local intelligence officer.',
];
const FORENSIC_RESULTS: readonly string[] = [
  'CSI attended. Glove marks only, no lifts suitable.',
  'CSI attended. Two partial lifts taken from the frame and submitted. Result: no ident.',
  'CSI attended. Swab taken from blood smear; submitted. Result: DNA match to nominal \u2014 suspect named.',
  'CSI attended. Lift taken; fingerprint ident to nominal \u2014 suspect named.',
  'CSI unable to attend within 48 h; rain overnight, scene lost.',
];
const BWV_RESULTS: readonly string[] = [
  'BWV downloaded and retained. Captures IP\u2019s first account and injuries.',
  'Attending officer did not activate BWV.',
  'BWV retained; suspect\u2019s comments on arrival captured.',
];
const WITNESS_RESULTS: readonly string[] = [
  'W1 statement obtained. W2 declined to provide a statement.',
  'Both witnesses spoken to; neither saw the start of the incident.',
  'Witness details not recorded at scene; not traceable.',
];
const SUSPECT_RESULTS: readonly string[] = [
  'SUSP1 arrested and interviewed: no comment. Released under investigation.',
  'SUSP1 attended voluntary interview, admitted the offence.',
  'SUSP1 arrested, interviewed: claims self-defence. File to CPS for advice.',
  'SUSP1 not at home address on three visits; circulated as wanted on PNC.',
];

function cctvLine(cctv: string, timeHint: string): LineTemplate {
  return {
    category: 'cctv',
    action: `Check for CCTV at ${cctv}${timeHint}`,
    results: CCTV_RESULTS,
    naReason: 'No CCTV in the area (checked on council camera map).',
  };
}

function h2hLine(range: string): LineTemplate {
  return {
    category: 'house_to_house',
    action: `House-to-house ${range}`,
    results: H2H_RESULTS,
    naReason: 'Not proportionate: offence window overnight, no overlooking properties.',
  };
}

function statementLine(who = 'IP'): LineTemplate {
  return {
    category: 'victim_statement',
    action: `Obtain MG11 from ${who}`,
    results: STATEMENT_RESULTS,
    naReason: 'Not required \u2014 no suspect, no evidential value.',
  };
}

function propertyLine(): LineTemplate {
  return {
    category: 'property',
    action: 'Record serial numbers and circulate stolen property (second-hand dealers, online selling sites)',
    results: PROPERTY_RESULTS,
    naReason: 'No identifiable property.',
  };
}

function seriesLine(townName: string, what: string): LineTemplate {
  return {
    category: 'linked_series',
    action: `Check for linked series (${what} in ${townName}, last 28 days)`,
    results: SERIES_RESULTS,
    naReason: 'Isolated incident.',
  };
}

function forensicLine(where: string): LineTemplate {
  return {
    category: 'forensic',
    action: `CSI to examine ${where}`,
    results: FORENSIC_RESULTS,
    naReason: 'No forensic opportunity (wet weather / item not handled).',
    identifies: 'fingerprint',
  };
}

function bwvLine(): LineTemplate {
  return {
    category: 'body_worn_video',
    action: 'Secure BWV from attending officers',
    results: BWV_RESULTS,
    naReason: 'No officer attended.',
  };
}

function witnessLine(): LineTemplate {
  return {
    category: 'witness',
    action: 'Trace and take statements from witnesses (W1, W2)',
    results: WITNESS_RESULTS,
    naReason: 'No independent witnesses.',
    identifies: 'witness',
  };
}

function suspectLine(): LineTemplate {
  return {
    category: 'suspect',
    action: 'Locate, arrest and interview named suspect',
    results: SUSPECT_RESULTS,
    naReason: 'No named suspect.',
  };
}

function cap(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
}

interface ScenarioContext {
  rng: Rng;
  category: Category;
  domestic: boolean;
  base: Pick<
    Scenario,
    'category' | 'streetName' | 'town' | 'h2h' | 'cctv' | 'domestic' | 'victimKind' | 'flags' | 'serious'
  >;
  streetName: string;
  townName: string;
  no: number;
  cctv: string;
  reportedClock: string;
}

function burglaryDwelling({ rng, base, streetName, townName, no, cctv, reportedClock }: ScenarioContext): Scenario {
  const entry = rng.pick([
    'rear kitchen window forced',
    'rear door kicked in',
    'entry via insecure patio door',
    'front door euro-cylinder lock snapped',
    'ground-floor window smashed',
    'side gate forced, conservatory door jemmied',
    'entry through an insecure first-floor window, wheelie bin used to climb',
  ]);
  const taken = rng
    .sample(
      [
        'jewellery box',
        'laptop',
        'tablet',
        'cash from kitchen drawer',
        'handbag',
        'games console',
        'car keys',
        'watches',
        'bank cards',
        'TV',
      ],
      rng.int(1, 3),
    )
    .join(', ');
  const search = rng.pick([
    'untidy search of all rooms',
    'bedrooms searched, drawers tipped',
    'tidy search, only the bedroom touched',
  ]);
  const discovered = rng.pick([
    `IP returned home at ${reportedClock} to find ${entry}`,
    `IP came downstairs this morning to find ${entry}`,
    `IP's neighbour noticed ${entry} and called IP, who came home`,
  ]);
  const overnight = discovered.includes('morning');
  return {
    ...base,
    hocr: '28A',
    description: 'Burglary in a dwelling',
    place: `${no} ${streetName}, ${townName}`,
    summary: `${discovered}. ${cap(search)}; ${taken} taken.`,
    mo: entry,
    loss: taken,
    lossPhrase: `${taken} taken`,
    occurred: overnight ? [h(rng.int(7, 10)), m(rng.int(10, 60))] : [h(rng.int(3, 10)), m(rng.int(5, 30))],
    namedSuspect: rng.chance(0.05),
    lines: [
      forensicLine('point of entry'),
      h2hLine(base.h2h),
      cctvLine(cctv, ''),
      propertyLine(),
      seriesLine(townName, 'dwelling burglaries with similar MO'),
      statementLine(),
    ],
    advice: {
      crimePrevention: [
        'Crime prevention advice given: fit anti-snap locks, use timer switches when out, keep keys away from the door.',
        'Advised re window locks and a visible alarm box; crime prevention leaflet left. Referred to neighbourhood team for a security survey.',
        'Target hardening discussed: property marking kit supplied, advised to register valuables online.',
      ],
      evidence: [
        'Advised not to touch the point of entry or tidy the rooms until CSI has attended.',
        'Scene preservation advice given: keep out of the kitchen, do not clean the window frame.',
      ],
      safety: ['Advised to call 999 immediately if offenders return; not to challenge them.'],
    },
    notAttendedRationale: [
      'IP reports several days after the event; scene cleaned, no forensic opportunity. Suitable for telephone investigation.',
      'IP declined attendance; happy to be dealt with by phone. No vulnerability identified.',
    ],
    attendedFinding: [
      `Attended. Confirmed ${entry}. Scene preserved for CSI.`,
      `Attended, ${entry}; ${search}. Spoke to neighbours either side \u2014 nil.`,
      `Attended with IP. Point of entry ${entry}. Muddy footwear mark on the sill, photographed.`,
    ],
  };
}

function burglaryOther({ rng, base, streetName, townName, no, cctv }: ScenarioContext): Scenario {
  const kind = rng.pick(['shed', 'garage', 'site cabin', 'shop', 'church hall', 'allotment shed', 'farm outbuilding']);
  const business = kind === 'shop' || kind === 'site cabin' || kind === 'church hall' || kind === 'farm outbuilding';
  const entry = rng.pick([
    'padlock cut',
    'door forced with a jemmy',
    'rear window smashed',
    'hasp and staple prised off',
    'roof panel lifted',
  ]);
  const taken =
    kind === 'shop'
      ? rng.pick(['cigarettes and cash from the till', 'alcohol and tobacco', 'nothing obviously taken'])
      : kind === 'church hall'
        ? rng.pick(['a laptop and a cash tin', 'nothing obviously taken'])
        : kind === 'farm outbuilding'
          ? rng.pick(['a quad bike', 'diesel and power tools', 'nothing obviously taken'])
          : kind === 'site cabin'
            ? rng.pick(['power tools (drill, angle grinder, SDS)', 'copper pipe and a generator'])
            : rng.pick(['a strimmer and petrol mower', 'a mountain bike', 'power tools', 'nothing obviously taken']);
  const premises =
    kind === 'shop'
      ? `${surnameFor(rng)}'s Stores`
      : kind === 'site cabin'
        ? `${surnameFor(rng)} Builders (building site)`
        : kind === 'church hall'
          ? `St ${rng.pick(['Aidan', 'Cuthbert', 'Hilda', 'Oswald'])}\u2019s Church Hall`
          : kind === 'farm outbuilding'
            ? `${surnameFor(rng)} Farm`
            : kind === 'allotment shed'
              ? `${townName} Allotments, plot ${rng.int(1, 60)}`
              : '';
  const place = premises ? `${premises}, ${streetName}, ${townName}` : `${no} ${streetName}, ${townName}`;
  const nothing = taken === 'nothing obviously taken';
  return {
    ...base,
    victimKind: business ? 'business' : 'person',
    hocr: nothing ? '30B' : '30A',
    description: nothing
      ? 'Attempted burglary in a building other than a dwelling'
      : 'Burglary in a building other than a dwelling',
    place,
    summary: `${business ? 'Keyholder' : 'IP'} reports ${kind} at ${place} broken into overnight: ${entry}, ${nothing ? 'nothing obviously taken' : `${taken} taken`}.`,
    mo: entry,
    loss: nothing ? '' : taken,
    lossPhrase: nothing ? 'nothing obviously taken' : `${taken} taken`,
    occurred: [h(rng.int(10, 16)), h(rng.int(1, 3))],
    namedSuspect: rng.chance(0.04),
    lines: [
      cctvLine(cctv, ' and any premises CCTV'),
      forensicLine(`the ${kind} door and padlock`),
      h2hLine(base.h2h),
      propertyLine(),
      seriesLine(townName, `${kind} burglaries`),
    ],
    advice: {
      crimePrevention: [
        'Advised on shed/garage security: closed-shackle padlock, ground anchor for bikes, mark tools with postcode.',
        'Crime prevention advice given re lighting and alarm; business crime leaflet emailed.',
      ],
      evidence: [
        'Advised not to handle the padlock or door; leave for CSI.',
        'Asked keyholder to retain CCTV for the relevant period and not to tidy the scene.',
      ],
      safety: ['Advised not to approach anyone found on the premises; call 999.'],
    },
    notAttendedRationale: [
      'Low value, no forensic opportunity, no suspect. Suitable for desk-based investigation.',
      'Insecure premises, no damage, no CCTV. THRIVE low \u2014 not attended.',
    ],
    attendedFinding: [
      `Attended. ${cap(entry)}; photographs taken.`,
      `Attended with keyholder. ${cap(kind)} secured; CSI requested.`,
    ],
  };
}

function theftFromVehicle({ rng, base, streetName, townName, cctv }: ScenarioContext): Scenario {
  const vehicle = rng.pick(VEHICLES);
  const van = vehicle.endsWith('van');
  const taken = rng.pick([
    'sat nav and handbag from the footwell',
    'loose change and sunglasses',
    van ? 'power tools from the rear of the van' : 'a laptop bag left on the back seat',
    'both number plates',
    'catalytic converter cut from underneath',
    'a child seat and a coat',
  ]);
  const entry = rng.pick([
    'nearside rear window smashed',
    'vehicle left insecure overnight',
    van ? 'rear door lock of the van punched' : 'driver\u2019s door lock punched',
    'quarter-light window broken',
    'no sign of forced entry (keyless relay suspected)',
  ]);
  const catalytic = taken.startsWith('catalytic');
  const external = catalytic || taken.includes('number plates');
  const parked = rng.pick([
    'on the road outside home',
    'on the driveway',
    'in the station car park',
    'on the street near work',
  ]);
  return {
    ...base,
    hocr: '45',
    description: 'Theft from a vehicle',
    place: `${streetName}, ${townName}`,
    summary: `IP's ${vehicle} parked ${parked} on ${streetName}. ${external ? '' : `${cap(entry)}; `}${taken} taken.`,
    mo: catalytic ? 'catalytic converter cut out' : external ? 'plates unscrewed' : entry,
    loss: taken,
    lossPhrase: `${taken} taken`,
    occurred: [h(rng.int(9, 14)), h(rng.int(0, 2)) + m(rng.int(5, 50))],
    namedSuspect: rng.chance(0.03),
    lines: [
      cctvLine(cctv, ''),
      h2hLine(base.h2h),
      forensicLine('the vehicle (point of entry)'),
      seriesLine(townName, 'thefts from vehicles'),
      propertyLine(),
    ],
    advice: {
      crimePrevention: [
        'Advised not to leave anything on view, remove sat nav cradle and wipe suction marks.',
        'Crime prevention advice given: park in a lit area, consider a catalytic converter marking kit.',
        'Advised to keep keyless fob in a signal-blocking pouch.',
      ],
      evidence: [
        'Advised not to clean the vehicle or the broken window edge until CSI decision made.',
        'Asked not to move glass fragments and to keep the vehicle locked.',
      ],
      safety: ['Advised not to approach anyone seen near the vehicle.'],
    },
    notAttendedRationale: [
      'No suspect, no forensic opportunity, no vulnerability. Dealt with by phone under force THR policy.',
      'IP has already had the window repaired; no scene. Desk-based investigation.',
      'Vehicle insecure, no damage \u2014 no forensic opportunity. Not attended.',
    ],
    attendedFinding: [
      `Attended. ${cap(vehicle)} examined: ${external ? (catalytic ? 'cut marks on the exhaust' : 'plate screws removed') : entry}.`,
      'Attended, vehicle examined, nothing to take forensically.',
    ],
  };
}

function criminalDamage({ rng, base, streetName, townName, no, cctv, domestic }: ScenarioContext): Scenario {
  const target = domestic
    ? rng.pick([
        'IP\u2019s mobile phone smashed by ex-partner',
        'front door kicked by ex-partner, panel cracked',
        'IP\u2019s car windscreen smashed by ex-partner',
      ])
    : rng.pick([
        'front window smashed by a stone',
        'tyres on IP\u2019s car slashed',
        'paint scratched down the offside of IP\u2019s car',
        'graffiti sprayed on the shop shutter',
        'garden fence kicked down',
        'wing mirror snapped off',
        'bus shelter glass smashed',
      ]);
  const neighbour = !domestic && rng.chance(0.3);
  return {
    ...base,
    hocr:
      target.includes('car') || target.includes('mirror') || target.includes('tyres')
        ? '58C'
        : target.includes('window') || target.includes('door')
          ? '58A'
          : '58D',
    description: 'Criminal damage',
    flags: domestic ? ['domestic_abuse'] : [],
    place: `${no} ${streetName}, ${townName}`,
    summary: `IP reports ${target}${neighbour ? '. IP believes it was a neighbour (SUSP1) they are in dispute with' : ''}.`,
    mo: target,
    loss: `damage: ${target}`,
    lossPhrase: '',
    occurred: [h(rng.int(6, 12)), h(rng.int(0, 2))],
    namedSuspect: domestic || neighbour,
    lines: [
      cctvLine(cctv, ''),
      h2hLine(base.h2h),
      ...(domestic || neighbour ? [suspectLine()] : []),
      statementLine(),
      {
        category: 'other',
        action: 'Obtain repair estimate / value of damage',
        results: [
          'Estimate received: \u00a3180.',
          'IP to forward invoice; \u00a385 replacement cost.',
          'Damage valued under \u00a3500.',
        ],
        naReason: 'Value not required.',
      },
    ],
    advice: {
      crimePrevention: [
        'Advised re lighting and a doorbell camera; neighbourhood team informed for patrol attention.',
        'Crime prevention advice given; reassurance patrols requested.',
      ],
      evidence: [
        'Asked IP to photograph the damage and keep the stone; not to repair until photographed.',
        'Advised to keep any messages/evidence of the dispute.',
      ],
      safety: ['Advised to call 999 if the person returns; not to confront them.'],
    },
    notAttendedRationale: [
      'Low-level damage, no suspect, no forensic opportunity. Not attended per THR.',
      'IP does not want attendance; photos to be emailed.',
    ],
    attendedFinding: [
      'Attended. Damage photographed. IP spoken to re neighbour dispute history.',
      'Attended, spoke to IP, damage seen and photographed on BWV.',
    ],
  };
}

function assault({ rng, base, streetName, townName, no, cctv, domestic, category }: ScenarioContext): Scenario {
  const injury = category === 'assault_with_injury';
  const [prep, where] = domestic
    ? ['at', `IP's home address, ${no} ${streetName}, ${townName}`]
    : rng.pick([
        ['outside', `the Red Lion PH, ${streetName}, ${townName}`],
        ['at', `the taxi rank, ${townName} town centre`],
        ['on', `${streetName}, ${townName}`],
        ['at', `the bus station, ${townName}`],
      ] as const);
  const pub = where.startsWith('the Red Lion');
  const act = domestic
    ? rng.pick(
        injury
          ? [
              'grabbed by the throat by ex-partner, bruising to neck',
              'punched to the face by partner during an argument, swollen eye',
              'pushed down the stairs by partner, injury to wrist',
            ]
          : ['pushed against the wall by partner during an argument', 'slapped by ex-partner, no visible injury'],
      )
    : rng.pick(
        injury
          ? [
              'punched to the face after an argument, cut lip and swollen eye',
              'headbutted during an argument, broken nose',
              'struck with a bottle, laceration to head requiring stitches at A&E',
              pub
                ? 'bitten on the forearm while ejecting a male (IP is a door supervisor)'
                : 'kicked while on the ground, bruised ribs',
            ]
          : ['pushed over, no injury', 'spat at and shoved by a male', 'threatened and shoved in the chest'],
      );
  const serious = act.includes('bottle') || act.includes('broken nose') || act.includes('throat');
  const namedSuspect = domestic || rng.chance(0.55);
  return {
    ...base,
    hocr: injury ? '8N' : '105A',
    description: injury ? 'Assault with injury (ABH)' : 'Assault without injury (common assault)',
    flags: [
      ...(injury ? ['with_injury'] : []),
      ...(serious ? ['serious'] : []),
      ...(domestic ? ['domestic_abuse'] : []),
    ],
    place: where,
    summary: `IP assaulted ${prep} ${where}: ${act}.${domestic ? ` Suspect (SUSP1) is IP\u2019s ${rng.pick(['ex-partner', 'partner', 'husband'])}.` : namedSuspect ? ' IP knows the suspect (SUSP1).' : ''}`,
    mo: act,
    loss: '',
    lossPhrase: '',
    occurred: [m(rng.int(10, 60)), m(rng.int(0, 9))],
    namedSuspect,
    serious,
    lines: [
      ...(domestic ? [] : [cctvLine(cctv, ' and town-centre CCTV')]),
      bwvLine(),
      statementLine(),
      witnessLine(),
      suspectLine(),
      {
        category: 'other',
        action: 'Photograph injuries and obtain medical evidence (A&E notes / GP)',
        results: [
          'Injury photos taken by attending officer.',
          'Medical consent signed; A&E notes requested.',
          'IP declined medical consent.',
        ],
        naReason: 'No visible injury.',
      },
    ],
    advice: {
      crimePrevention: domestic
        ? ['Target hardening discussed: lock change and a personal alarm via the IDVA service.']
        : ['Advised to avoid the area at closing time and to use a booked taxi; Pubwatch informed.'],
      evidence: [
        'Advised to photograph the injuries as bruising develops and keep the clothing worn.',
        'Advised to keep messages from the suspect and not to delete call history.',
      ],
      safety: domestic
        ? [
            'Safety plan discussed: call 999 if SUSP1 attends; Cocoon Watch / marker placed on address.',
            'Safety advice given; IP has the domestic abuse helpline number.',
          ]
        : ['Advised to call 999 if approached again by the suspect.'],
    },
    notAttendedRationale: [
      'Minor injury, suspect left the area, no ongoing risk identified. IP happy to be contacted by phone.',
      'IP declined attendance, happy to be contacted by phone; no ongoing risk identified.',
    ],
    attendedFinding: [
      'Attended. IP spoken to, injuries seen and photographed on BWV. Suspect left prior to police arrival.',
      namedSuspect
        ? 'Attended. SUSP1 still at scene, arrested.'
        : 'Attended. Area search for the suspect \u2014 negative.',
      'Attended. IP in ambulance; first account on BWV. Scene CCTV identified.',
    ],
  };
}

function theftOrRobbery({ rng, base, streetName, townName, cctv, category }: ScenarioContext): Scenario {
  const robbery = category === 'robbery';
  const act = robbery
    ? rng.pick([
        'mobile phone taken by two youths after threats, one showing a knife',
        'bag snatched after IP was pushed to the ground',
        'IP threatened and made to hand over his wallet',
      ])
    : rng.pick([
        'purse taken from handbag while in the market',
        'phone snatched from hand by a cyclist',
        'wallet taken from back pocket in a busy bar',
      ]);
  return {
    ...base,
    hocr: robbery ? '34B' : '39',
    description: robbery ? 'Robbery of personal property' : 'Theft from the person',
    flags: robbery && act.includes('knife') ? ['serious', 'knife'] : [],
    serious: robbery,
    place: `${streetName}, ${townName}`,
    summary: `IP reports ${act} on ${streetName}.`,
    mo: act,
    loss: act.includes('phone') ? 'mobile phone' : act.includes('wallet') ? 'wallet' : 'purse/bag',
    lossPhrase: '',
    occurred: [m(rng.int(15, 90)), m(rng.int(0, 10))],
    namedSuspect: rng.chance(0.1),
    lines: [
      cctvLine(cctv, ' and town-centre CCTV'),
      witnessLine(),
      propertyLine(),
      seriesLine(townName, robbery ? 'street robberies' : 'thefts from the person'),
      statementLine(),
    ],
    advice: {
      crimePrevention: [
        'Advised to register the phone IMEI and enable tracking; crime prevention leaflet on personal safety.',
        'Advised to carry bags zipped and in front when in crowds.',
      ],
      evidence: [
        'Advised to check the phone tracking app and send screenshots; cancel cards and keep the bank\u2019s reference.',
      ],
      safety: ['Advised to call 999 if the suspects are seen again.'],
    },
    notAttendedRationale: ['Reported some hours later, no description, no CCTV identified. Desk-based.'],
    attendedFinding: [
      'Attended; area search with IP in a police vehicle \u2014 negative.',
      'Attended; description circulated to patrols.',
    ],
  };
}

function harassmentOrStalking({ rng, base, streetName, townName, no, domestic, category }: ScenarioContext): Scenario {
  const stalking = category === 'stalking';
  return {
    ...base,
    hocr: stalking ? '8Q' : '8L',
    description: stalking ? 'Stalking' : 'Harassment',
    flags: domestic ? ['domestic_abuse'] : [],
    place: `${no} ${streetName}, ${townName}`,
    summary: `IP reports repeated unwanted ${rng.pick(['messages and calls', 'visits to home and workplace', 'social media posts'])} from ${domestic ? 'an ex-partner (SUSP1)' : 'a former friend (SUSP1)'} over the past ${rng.int(2, 8)} weeks.`,
    mo: 'repeated unwanted contact',
    loss: '',
    lossPhrase: '',
    occurred: [h(24 * rng.int(14, 56)), h(rng.int(1, 12))],
    namedSuspect: true,
    lines: [
      statementLine(),
      suspectLine(),
      {
        category: 'other',
        action: 'Download/screenshot messages from IP\u2019s phone',
        results: ['Screenshots obtained and exhibited.', 'Phone download booked.'],
        naReason: 'No digital evidence.',
      },
    ],
    advice: {
      crimePrevention: ['Advised to tighten privacy settings on social media and vary routine.'],
      evidence: ['Advised to keep a diary of incidents and not to delete any messages.'],
      safety: ['Safety advice given: call 999 if SUSP1 attends; marker placed on address.'],
    },
    notAttendedRationale: ['Appointment offered at IP\u2019s request.'],
    attendedFinding: ['Attended and took an account; messages seen on IP\u2019s phone.'],
  };
}

function procedural({ rng, base, streetName, townName, category }: ScenarioContext): Scenario {
  // rape and other: procedural wording only; no offence detail is written into a synthetic file.
  const rape = category === 'rape';
  return {
    ...base,
    hocr: rape ? '19C' : '99',
    description: rape ? 'Rape (details held on restricted file)' : 'Other notifiable offence',
    flags: rape ? ['serious'] : [],
    serious: rape,
    place: `${townName}`,
    summary: rape
      ? 'Report received; details recorded on the restricted specialist file.'
      : `IP reports an offence at ${streetName}, ${townName}.`,
    mo: '',
    loss: '',
    lossPhrase: '',
    occurred: null,
    namedSuspect: rng.chance(0.5),
    lines: [statementLine(rape ? 'IP (ABE interview)' : 'IP'), suspectLine(), witnessLine()],
    advice: {
      crimePrevention: ['Crime prevention advice given.'],
      evidence: rape
        ? ['Early evidence advice given: do not wash or change clothing where possible.']
        : ['Advised to retain any evidence.'],
      safety: ['Safety advice given.'],
    },
    notAttendedRationale: ['Appointment made at IP\u2019s request.'],
    attendedFinding: [rape ? 'Specialist officer deployed; IP supported throughout.' : 'Attended and took an account.'],
  };
}

/** Build the facts of a crime of the given category reported at `reportedAt`. */
export function buildScenario(category: Category, rng: Rng, reportedAt: number, domestic: boolean): Scenario {
  const streetName = street(rng);
  const townName = town(rng);
  const { no, h2h } = houseNumbers(rng);
  const cctv = cctvPremises(rng, streetName);
  const base = {
    category,
    streetName,
    town: townName,
    h2h: h2h(streetName),
    cctv,
    domestic,
    victimKind: 'person' as const,
    flags: [] as string[],
    serious: false,
  };
  const reportedClock = hhmm(reportedAt);
  const ctx: ScenarioContext = { rng, category, domestic, base, streetName, townName, no, cctv, reportedClock };
  switch (category) {
    case 'burglary_dwelling':
      return burglaryDwelling(ctx);
    case 'burglary_other':
      return burglaryOther(ctx);
    case 'theft_from_vehicle':
      return theftFromVehicle(ctx);
    case 'criminal_damage':
      return criminalDamage(ctx);
    case 'assault_with_injury':
    case 'assault_without_injury':
      return assault(ctx);
    case 'theft_from_person':
    case 'robbery':
      return theftOrRobbery(ctx);
    case 'harassment':
    case 'stalking':
      return harassmentOrStalking(ctx);
    default:
      return procedural(ctx);
  }
}
