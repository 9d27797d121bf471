import { describe, it } from "vitest";
import { RuleTester } from "eslint";

// ESLint's RuleTester defines its cases through these hooks; point them at vitest.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
