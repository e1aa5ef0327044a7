// Places the openapi-generator 4.3.1 jar that ships inside the npm package
// `openapi-generator-jar` where @openapitools/openapi-generator-cli looks for it,
// so code generation never downloads anything.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules/openapi-generator-jar/bin/openapi-generator.jar");
const target = join(root, "node_modules/@openapitools/openapi-generator-cli/versions/4.3.1.jar");

if (!existsSync(source)) {
  console.log("install-generator-jar: openapi-generator-jar not installed, skipping");
} else if (!existsSync(target)) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  console.log("install-generator-jar: placed openapi-generator 4.3.1 jar");
}
