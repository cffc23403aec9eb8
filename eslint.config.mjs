import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const prismaClient = {
  group: [
    "@/lib/generated/*",
    "**/generated/sqlite/*",
    "**/generated/postgres/*",
    "@prisma/client",
    "@prisma/client/*",
  ],
  message: "Only lib/db.ts imports the Prisma client; use it from a data.ts or mutations.ts.",
};
const dbModule = {
  name: "@/lib/db",
  message: "Only data.ts and mutations.ts files (and lib/auth) talk to the database.",
};

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "no-restricted-imports": ["error", { patterns: [prismaClient], paths: [dbModule] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The data layer: the only places allowed to import the database client.
    files: [
      "lib/**/data.ts",
      "lib/**/mutations.ts",
      "lib/auth/rate-limit.ts",
      "app/api/health/route.ts",
      "scripts/**",
      "tests/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClient] }] },
  },
  {
    files: ["lib/db.ts", "lib/db-client.ts", "scripts/**", "tests/**", "prisma/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            prismaClient,
            {
              group: ["@/lib/auth/*", "@/lib/*/data", "@/lib/*/mutations"],
              message: "Domain UI never imports the database or auth.",
            },
          ],
          paths: [dbModule],
        },
      ],
    },
  },
];

export default config;
