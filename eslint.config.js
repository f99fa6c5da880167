// Type-aware lint with the folder boundaries of STYLE.md enforced by import restrictions.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const noNodeOrUi = [
  {
    group: ["node:*", "fs", "path", "os", "child_process"],
    message: "shared/ is pure: no Node built-ins.",
  },
  {
    group: [
      "react",
      "react-dom",
      "react/*",
      "@xyflow/*",
      "zustand",
      "zustand/*",
      "electron",
    ],
    message: "shared/ has no UI or Electron imports.",
  },
  {
    group: ["**/renderer/**", "**/electron/**", "**/cli/**"],
    message: "shared/ imports only shared/.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "out",
      "dist",
      "release",
      ".tsbuild",
      "test-results",
      "playwright-report",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
      "**/*.d.mts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["shared/**/*.ts"],
    ignores: ["shared/**/*.test.ts", "shared/testing/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: noNodeOrUi }],
      // Some libraries' types (docx) pull Node's globals into the core's compile; forbid them here.
      "no-restricted-globals": [
        "error",
        ...["Buffer", "process", "require", "global", "__dirname", "__filename", "window", "document"].map(
          (name) => ({ name, message: "shared/ is pure TypeScript: no Node or DOM globals." }),
        ),
      ],
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["electron", "node:*", "fs", "path"],
              message:
                "The renderer reaches the host only through platform/host-api.ts.",
            },
            {
              group: ["**/electron/**", "**/cli/**"],
              message: "The renderer imports shared/ only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["electron/preload/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      // Regexes, not gitignore-style groups: once "*" excludes "..", "!../../shared/ipc/**"
      // cannot re-include it.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!electron$|\\.\\./\\.\\./shared/ipc/).*",
              message:
                "The sandboxed preload imports only electron (and types from shared/ipc).",
            },
            {
              regex: "^\\.\\./\\.\\./shared/ipc/",
              allowTypeImports: true,
              message: "The sandboxed preload takes only types from shared/ipc.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["electron/main/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "**/renderer/**", "**/cli/**"],
              message: "Main imports shared/, electron and node only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["electron", "react", "**/renderer/**", "**/electron/**"],
              message: "The CLI imports shared/ and node only.",
            },
          ],
        },
      ],
    },
  },
);
