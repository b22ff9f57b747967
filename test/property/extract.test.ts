// Property tests of the post splitter and the whole extraction: evidence always inside its post (extract.props.ts).
// Short by default; JIKENBO_LONG_TESTS=1 runs ten times the inputs (bounded-property.ts).
import { describeProperties } from './describe-properties.ts';
import { properties } from './extract.props.ts';

describeProperties('Extraction on hostile text', new URL('./extract.props.ts', import.meta.url), properties);
