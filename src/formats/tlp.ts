// Traffic Light Protocol 2.0 (FIRST, 2022) as the exports mark it. STIX: the fixed marking-definition
// objects of the OASIS TLP 2.0 extension (oasis-open/cti-stix-common-objects,
// extension-definition-specifications/tlp-2.0: extension-definition--60a3c5c5-…, one id per level,
// created 2022-10-01). MISP: the `tlp` taxonomy's tags (tlp:clear, tlp:green, tlp:amber, tlp:red).
// The default is clear: everything jikenbo holds comes from notices and leak sites published to all.

export const TLP_LEVELS = ['clear', 'green', 'amber', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
export const DEFAULT_TLP: Tlp = 'clear';

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The official ids: consumers (OpenCTI, MISP) recognise the level by the id, so these never change. */
export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export function isTlp(value: string): value is Tlp {
  return (TLP_LEVELS as readonly string[]).includes(value);
}

/** The level's STIX 2.1 marking-definition, exactly as the TLP 2.0 extension publishes it. */
export function tlpMarkingDefinition(level: Tlp): { type: 'marking-definition'; id: string; [key: string]: unknown } {
  return {
    type: 'marking-definition', spec_version: '2.1', id: TLP2_MARKING_IDS[level], created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}
