/**
 * Adapters that remember what they should not: a session cookie set on an answer that stands in
 * for the credentials on later requests (caught by auth_enforcement's refusals against a fixture),
 * a cache keyed on method and path that answers a repeat without looking at the credentials
 * (auth_enforcement, after the documented delete), a deleted customer's id handed to the next
 * customer set up and a deleted account's id handed to the next account of its customer
 * (delete_semantics), and an answer that points at another customer
 * (no_internal_leak).
 */
import { randomBytes } from "node:crypto";
import { baseBehaviour } from "../sandboxes/index.ts";
import type { SandboxReply } from "../sandboxes/types.ts";
import { cookieOf, recordingFixtures, withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const enkash = baseBehaviour("enkash");
const cashfree = baseBehaviour("cashfree");
const yuno = baseBehaviour("yuno");
const juspay = baseBehaviour("juspay");

export const rememberedState: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-session-cookie-authenticates",
      provider: "enkash",
      departure: "sets a SESSION cookie on every authenticated answer and takes that cookie alone, without the bearer token, as authentication",
      expectedCheck: "auth_enforcement",
    },
    () => {
      const sessions = new Set<string>();
      return {
        behaviour: {
          authenticate: (req, ctx) => {
            const session = cookieOf(req, "SESSION");
            if (!req.headers.authorization && session !== undefined && sessions.has(session)) return enkash.authenticate(withHeader(req, "authorization", `Bearer ${ctx.credentials.ENKASH_ACCESS_TOKEN}`), ctx);
            return enkash.authenticate(req, ctx);
          },
        },
        transformReply: (req, reply) => {
          if (req.headers.authorization === undefined || reply.status === 401) return reply;
          const session = randomBytes(16).toString("hex");
          sessions.add(session);
          return { ...reply, headers: { ...reply.headers, "set-cookie": `SESSION=${session}; Path=/; HttpOnly` } };
        },
      };
    },
  ),
  variant(
    {
      name: "cashfree-answers-cached-by-path",
      provider: "cashfree",
      departure: "caches each answer by method and path for a minute and serves the cache before checking credentials: the path just deleted answers 204 to anyone",
      expectedCheck: "auth_enforcement",
    },
    () => {
      const cached = new Map<string, SandboxReply>();
      return {
        behaviour: {
          authenticate: (req, ctx) => cached.get(`${req.method} ${req.rawUrl}`) ?? cashfree.authenticate(req, ctx),
          remove: (req, ctx) => {
            const reply = cashfree.remove(req, ctx);
            if (reply.status === 204) cached.set(`${req.method} ${req.rawUrl}`, reply);
            return reply;
          },
        },
      };
    },
  ),
  variant(
    {
      name: "yuno-deleted-id-handed-out-again",
      provider: "yuno",
      departure: "gives the next customer set up the id of the customer deleted last, so a repeat delete of that id deletes the new customer",
      expectedCheck: "delete_semantics",
      // Which customer is set up next depends on the order of requests: one at a time, it is the
      // fixture the repeat-delete scenario sets up after its first delete (with several in flight,
      // another scenario's fixture may get the id, and another check sees the damage).
      runOptions: { concurrency: 1 },
    },
    () => {
      const freed: string[] = [];
      return {
        behaviour: {
          createFixture: (env, requested) => {
            const reused = requested[0] === undefined ? freed.pop() : undefined;
            return yuno.createFixture(env, reused === undefined ? requested : [reused]);
          },
          remove: (req, ctx) => {
            const reply = yuno.remove(req, ctx);
            if (reply.status === 202 && ctx.path.customer_id !== undefined) freed.push(ctx.path.customer_id);
            return reply;
          },
        },
      };
    },
  ),
  variant(
    {
      name: "juspay-deleted-account-id-handed-out-again",
      provider: "juspay",
      departure: "gives the next account set up under a customer the id of that customer's account deleted last, so a repeat delete of the deleted account deletes the new one",
      expectedCheck: "delete_semantics",
    },
    () => {
      const freed = new Map<string, string[]>();
      return {
        behaviour: {
          createFixture: (env, [customerId, accountId]) => {
            const reused = customerId !== undefined && accountId === undefined ? freed.get(customerId)?.pop() : undefined;
            return juspay.createFixture(env, reused === undefined ? [customerId, accountId] : [customerId, reused]);
          },
          remove: (req, ctx) => {
            const reply = juspay.remove(req, ctx);
            const [customer, account] = [ctx.path.customer_id, ctx.path.customer_account_id];
            if (reply.status === 200 && customer !== undefined && account !== undefined) freed.set(customer, [...(freed.get(customer) ?? []), account]);
            return reply;
          },
        },
      };
    },
  ),
  variant(
    {
      name: "yuno-location-names-another-customer",
      provider: "yuno",
      departure: "answers a delete's 202 with a Location header naming another customer (the next one in its list)",
      expectedCheck: "no_internal_leak",
    },
    () => {
      const issued = new Set<string>();
      return {
        behaviour: recordingFixtures("yuno", issued),
        transformReply: (req, reply) => {
          if (reply.status !== 202) return reply;
          const other = [...issued].find((id) => !req.rawUrl.includes(id));
          return other === undefined ? reply : { ...reply, headers: { ...reply.headers, location: `/v1/customers/${other}` } };
        },
      };
    },
  ),
];
