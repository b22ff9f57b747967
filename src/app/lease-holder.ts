// Who this process is when it holds a lease (store/lease-types.ts): host, pid and a random part, so
// that two stores opened in one process are two holders.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function leaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
