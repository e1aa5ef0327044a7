/**
 * The in-memory state of one sandbox: customers, and the accounts under each (Juspay deletes an
 * account under a customer; the other providers delete the customer itself).
 */
import type { SandboxStore } from "./types.ts";

export function createStore(): SandboxStore {
  const customers = new Map<string, Set<string>>();
  return {
    addCustomer(customerId) {
      if (!customers.has(customerId)) customers.set(customerId, new Set());
    },
    hasCustomer: (customerId) => customers.has(customerId),
    removeCustomer: (customerId) => customers.delete(customerId),
    addAccount(customerId, accountId) {
      const accounts = customers.get(customerId) ?? new Set<string>();
      accounts.add(accountId);
      customers.set(customerId, accounts);
    },
    hasAccount: (customerId, accountId) => customers.get(customerId)?.has(accountId) ?? false,
    removeAccount: (customerId, accountId) => customers.get(customerId)?.delete(accountId) ?? false,
  };
}
