// Whether what a leak site writes of its victim (ransomware.live's description, often the victim's own
// "about us") places the organisation itself in Japan. Each rule is a row with a reason and its
// examples; a mention of Japan as one market, office, cuisine or partner among others is not one.

export interface DescriptionRule {
  id: string;
  pattern: RegExp;
  /** The reason shown with the verdict. */
  why: string;
  /** Invented sentences the rule must find. */
  examples: string[];
}

// Words that turn "headquartered … Japan" into a list of places or someone else's office.
const NOT_ITSELF = String.raw`(?!\b(?:and|including|offices?|branch(?:es)?|subsidiar(?:y|ies)|with|as well|sites?|plants?)\b)`;
const PLACE_WORDS = String.raw`(?:[a-z][\w-]*,?\s+(?:-\s+)?){0,4}`;

export const DESCRIPTION_RULES: DescriptionRule[] = [
  {
    id: 'called-japanese',
    pattern: /\b(?:is|are|was|were)\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?japan(?:ese\b|-based\b)/i,
    why: 'the description calls it a Japanese organisation',
    examples: ['Kohaku Gauge is a Japanese maker of pressure gauges.', 'We are a japanese company making door trims.', 'It is a leading Japan-based distributor.'],
  },
  {
    id: 'based-in-japan',
    pattern: new RegExp(String.raw`\bjapan-based\b|\bbased in ${PLACE_WORDS}japan\b`, 'i'),
    why: 'the description says it is based in Japan',
    examples: ['A Japan-based trading house.', 'Hoshizora Foods, based in Sendai, Japan, makes noodles.'],
  },
  {
    id: 'headquarters-in-japan',
    pattern: new RegExp(String.raw`\bheadquarter(?:s|ed)\b(?:${NOT_ITSELF}[^.;!?]){0,90}?\bjapan\b`, 'i'),
    why: 'the description puts its headquarters in Japan',
    examples: ['Headquarters: 1-2-3 Minato, Minato-ku, Tokyo, 105-0000, Japan', 'The group is headquartered in Kobe - Japan.', 'Their headquarters are located in Sakai City in Osaka, Japan.'],
  },
  {
    id: 'founded-in-japan',
    pattern: new RegExp(String.raw`\bfounded in ${PLACE_WORDS}japan\b`, 'i'),
    why: 'the description says it was founded in Japan',
    examples: ['Kohaku Audio was founded in Japan in 1960.', 'A trading firm founded in Nara, Japan in 1850.'],
  },
  {
    id: 'japan-and-abroad',
    pattern: /\bin japan and (?:internationally|overseas|abroad)\b/i,
    why: 'the description says it works in Japan and abroad',
    examples: ['The company makes and sells sensors in Japan and internationally.'],
  },
  {
    id: 'part-of-japanese',
    pattern: /\b(?:subsidiary|branch|division|affiliate|arm|unit|member)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:japanese\b|japan's\b|japan-based\b)/i,
    why: 'the description makes it part of a Japanese organisation',
    examples: ['Kohaku America is a US branch of Japanese chemicals maker Kohaku.', 'A subsidiary of the Japan-based Hoshizora group.'],
  },
  {
    id: 'japanese-phone',
    pattern: /\+81[\s(-]*\d/,
    why: 'the description gives a Japanese telephone number (+81)',
    examples: ['Phone Number: +81 3 1234 5678'],
  },
  {
    id: 'written-in-japanese',
    pattern: /[\u3040-\u30ff]/u,
    why: 'the description is written partly in Japanese (kana)',
    examples: ['The Kohaku Group (コハクグループ) makes zips.', '当社はねじを製造しています。'],
  },
];

/** Sentences that mention Japan without placing the organisation there: no rule may find them. */
export const NOT_IN_JAPAN_EXAMPLES = [
  'The fund invests in properties in Hong Kong, Macau, Japan, and South East Asia.',
  'Headquartered in Hsinchu, Taiwan, the firm has offices around the world, including in US, Japan and India.',
  'The hotel serves Cantonese, Japanese, Thai and international cuisine.',
  'Our partner spotlight: a landmark agreement with Japan\'s Kohaku, Inc.',
  'From our sites in Germany, Japan and the USA we run 18 solar parks.',
  'We export to Japan, Korea and Europe.',
];

/** The first rule that places the described organisation in Japan, or null. */
export function japanInDescription(description: string | null | undefined): DescriptionRule | null {
  if (!description) return null;
  const text = description.normalize('NFKC');
  return DESCRIPTION_RULES.find((r) => r.pattern.test(text)) ?? null;
}
