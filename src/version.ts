/** payconform's name and version, as package.json gives them: for --version and the reports. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./providers.ts";

export const TOOL_NAME = "payconform";

export const VERSION: string = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
