// Property tests of the date and number readers, normalize's offset map and PDF unwrapping (japanese.props.ts).
// Short by default; JIKENBO_LONG_TESTS=1 runs ten times the inputs (bounded-property.ts).
import { describeProperties } from './describe-properties.ts';
import { properties } from './japanese.props.ts';

describeProperties('Japanese readers on hostile text', new URL('./japanese.props.ts', import.meta.url), properties);
