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

// The nouns depend one way only: meetings → recap → readings → papers, all of them on groups.
// A module never imports from a noun above it.
const layers = {
  groups: ["backup", "minutes", "meetings", "recap", "readings", "queue", "papers"],
  papers: ["backup", "minutes", "meetings", "recap", "readings", "queue"],
  queue: ["backup", "minutes", "meetings", "recap", "readings"],
  readings: ["backup", "minutes", "meetings", "recap"],
  recap: ["backup", "minutes", "meetings"],
  meetings: ["backup", "minutes"],
};
const layerRules = Object.entries(layers).flatMap(([noun, above]) => {
  const upward = {
    group: above.flatMap((n) => [`@/lib/${n}/*`, `../${n}/*`]),
    message: `lib/${noun} must not import from ${above.join(", ")}: nouns depend one way, backup and minutes → meetings → recap → readings → papers and meetings → queue → papers (→ groups).`,
  };
  const dataLayer = [`lib/${noun}/data.ts`, `lib/${noun}/mutations.ts`, `lib/${noun}/access.ts`];
  return [
    {
      files: [`lib/${noun}/**`],
      rules: {
        "no-restricted-imports": ["error", { patterns: [prismaClient, upward], paths: [dbModule] }],
      },
    },
    {
      files: dataLayer,
      rules: { "no-restricted-imports": ["error", { patterns: [prismaClient, upward] }] },
    },
  ];
});

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
      "lib/**/access.ts",
      "lib/auth/rate-limit.ts",
      "app/api/health/route.ts",
      "scripts/**",
      "tests/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClient] }] },
  },
  ...layerRules,
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
      // Browser code takes constants from constants.ts-style modules, never values from a
      // schema file or zod: either would put zod (~30 KB gzip) in the page's first load.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*/schema", "@/lib/readings/autosave", "zod", "zod/*"],
              allowTypeImports: true,
              message:
                "Import plain values from a constants module; schema files build zod validators, which would ship zod to the browser.",
            },
          ],
        },
      ],
    },
  },
  {
    // Unit tests beside the components run in Node, never in a page.
    files: ["components/**/*.test.ts", "components/**/*.test.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
];

export default config;
