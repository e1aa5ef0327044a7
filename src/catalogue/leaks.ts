/**
 * Adapters whose error bodies or headers show the server's internals (OWASP API8, verbose errors).
 * Caught by no_internal_leak.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { SandboxReply } from "../sandboxes/types.ts";
import { variant, type FaultyAdapter } from "./types.ts";

type Obj = Record<string, unknown>;
const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");

export const leaks: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-stack-trace-in-errors",
      provider: "enkash",
      departure: "lists the JVM stack frames of the failure in errorResponse.apiSubErrors",
      expectedCheck: "no_internal_leak",
    },
    {
      behaviour: {
        errorReply: (kind, detail): SandboxReply => {
          const reply = enkash.errorReply(kind, detail);
          const body = reply.body as Obj;
          const frames = [{ message: "at com.example.ar.customer.CustomerService.deleteByCustomerId(CustomerService.java:412)" }];
          return { ...reply, body: { ...body, errorResponse: { ...(body.errorResponse as Obj), apiSubErrors: frames } } };
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-sql-in-developer-message",
      provider: "juspay",
      departure: "puts the failed SQL query and the database host into error_info.developer_message",
      expectedCheck: "no_internal_leak",
    },
    {
      behaviour: {
        errorReply: (kind, detail): SandboxReply => {
          const reply = juspay.errorReply(kind, detail);
          const body = reply.body as Obj;
          const info = body.error_info as Obj;
          return { ...reply, body: { ...body, error_info: { ...info, developer_message: `${detail} SELECT * FROM customer_account WHERE customer_id = ? [db-primary.internal:3306]` } } };
        },
      },
    },
  ),
  variant(
    {
      name: "yuno-query-in-server-timing",
      provider: "yuno",
      departure: "adds a Server-Timing header to every answer whose description is the SQL statement run and the database host",
      expectedCheck: "no_internal_leak",
    },
    { transformReply: (_req, reply) => ({ ...reply, headers: { ...reply.headers, "server-timing": 'db;dur=0.41;desc="DELETE FROM customers WHERE id = $1 @ pg-customers-primary.prod.internal:5432"' } }) },
  ),
];
