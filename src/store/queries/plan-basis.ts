// What makes a regrouping plan stale: another regrouping or a person's decision since it was read.
// (Notices stored meanwhile do not: the queue holds them for the next step.) Read by grouping when it
// plans and by incidents when the plan is written back.

export const PLAN_BASIS = /* sql */ `
  SELECT (SELECT generation FROM incident_generation) || ':' || (SELECT coalesce(max(id), 0) FROM manual_links) AS basis`;
