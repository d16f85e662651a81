/**
 * The officers and staff of a (fictional) force, generated once per sample so that the same
 * people recur across files, as they would in a real month of crime reports.
 */
import { personName } from './names';
import type { Rng } from './random';
import type { OfficerInCase, Person } from './types';

export interface StaffMember extends Person {
  unit: string;
}

export interface Roster {
  response: StaffMember[];
  pcsos: StaffMember[];
  investigators: StaffMember[]; // police staff investigators, crime management / telephone investigation
  detectives: StaffMember[];
  safeguarding: StaffMember[];
  sergeants: StaffMember[];
  detectiveSergeants: StaffMember[];
  cmuSupervisors: StaffMember[];
  inspectors: StaffMember[];
  callHandlers: StaffMember[];
  csis: StaffMember[];
}

/** A person reference as written in a file (no unit). */
export function asPerson(m: StaffMember, withName = true): Person {
  const p: Person = { id: m.id, role: m.role };
  if (m.rank) p.rank = m.rank;
  if (withName && m.name) p.name = m.name;
  return p;
}

/** The officer in case: a person plus their unit. */
export function asOfficerInCase(m: StaffMember): OfficerInCase {
  return { ...asPerson(m), unit: m.unit };
}

/** Build a roster with unique collar numbers / staff ids. */
export function buildRoster(rng: Rng, towns: readonly string[]): Roster {
  const used = new Set<string>();
  const uniqueNumber = (min: number, max: number): number => {
    for (;;) {
      const n = rng.int(min, max);
      if (!used.has(String(n))) {
        used.add(String(n));
        return n;
      }
    }
  };
  const make = (n: number, f: (i: number) => Omit<StaffMember, 'name'>): StaffMember[] =>
    Array.from({ length: n }, (_, i) => ({ ...f(i), name: personName(rng) }));
  const area = (i: number): string => towns[i % towns.length] as string;

  return {
    response: make(30, (i) => ({
      id: `PC ${uniqueNumber(1000, 6999)}`,
      role: 'officer',
      rank: 'PC',
      unit: `${area(i)} Response`,
    })),
    pcsos: make(8, (i) => ({
      id: `PCSO ${uniqueNumber(7000, 7999)}`,
      role: 'pcso',
      unit: `${area(i)} Neighbourhood Team`,
    })),
    investigators: make(10, () => ({
      id: `S${uniqueNumber(10000, 19999)}`,
      role: 'police_staff_investigator',
      unit: 'Crime Management Unit',
    })),
    detectives: make(8, (i) => ({
      id: `DC ${uniqueNumber(1000, 6999)}`,
      role: 'detective',
      rank: 'DC',
      unit: `${area(i)} CID`,
    })),
    safeguarding: make(4, () => ({
      id: `DC ${uniqueNumber(1000, 6999)}`,
      role: 'detective',
      rank: 'DC',
      unit: 'Safeguarding Unit',
    })),
    sergeants: make(8, (i) => ({
      id: `PS ${uniqueNumber(1000, 6999)}`,
      role: 'supervisor',
      rank: 'PS',
      unit: `${area(i)} Response`,
    })),
    detectiveSergeants: make(3, (i) => ({
      id: `DS ${uniqueNumber(1000, 6999)}`,
      role: 'supervisor',
      rank: 'DS',
      unit: `${area(i)} CID`,
    })),
    cmuSupervisors: make(3, () => ({
      id: `S${uniqueNumber(10000, 19999)}`,
      role: 'supervisor',
      unit: 'Crime Management Unit',
    })),
    inspectors: make(2, () => ({
      id: `Insp ${uniqueNumber(100, 999)}`,
      role: 'supervisor',
      rank: 'Insp',
      unit: 'Force Crime Bureau',
    })),
    callHandlers: make(10, () => ({
      id: `S${uniqueNumber(20000, 29999)}`,
      role: 'call_handler',
      unit: 'Force Control Room',
    })),
    csis: make(4, () => ({ id: `CSI ${uniqueNumber(300, 399)}`, role: 'csi', unit: 'Scientific Support' })),
  };
}
