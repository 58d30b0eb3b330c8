import { CustomersClient } from './customers.js';
import type { AlignSession, AlignTransport } from './http.js';

/** The Align API as seen by one GraphQL request: one client per resource group, sharing a session. */
export class AlignClient {
  readonly customers: CustomersClient;

  constructor(transport: AlignTransport, session: AlignSession) {
    this.customers = new CustomersClient(transport, session);
  }
}
