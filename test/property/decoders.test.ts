// Property tests of decodeText, htmlCharset, htmlToText and loadDocument on hostile bytes (decoders.props.ts).
// Short by default; JIKENBO_LONG_TESTS=1 runs ten times the inputs (bounded-property.ts).
import { describeProperties } from './describe-properties.ts';
import { properties } from './decoders.props.ts';

describeProperties('Decoders on hostile bytes and markup', new URL('./decoders.props.ts', import.meta.url), properties);
