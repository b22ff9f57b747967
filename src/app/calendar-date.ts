// A date parameter (from, to) as every route and command takes it: YYYY-MM-DD naming a day the calendar
// has (2023-02-30 and 2023-02-29 are refused, 2024-02-29 taken). zod's ISO date, so the OpenAPI document
// says `format: date` with the same pattern the server checks.
import { z } from 'zod';

export const calendarDate = z.iso.date({ error: 'not a calendar date (expected YYYY-MM-DD)' });
