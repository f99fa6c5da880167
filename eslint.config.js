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

// The engine's doors (docs/architecture.md): code outside shared/engine/ imports the engine only
// through shared/engine/index.ts; inside, a capability folder reaches a sibling folder only
// through the sibling's index.ts, never a file inside it (tests included; a test may import its
// own folder's files). These use the typescript-eslint copy of no-restricted-imports so that
// they add to, rather than replace, the base rule's purity and layer patterns below.
const ENGINE_FROM_OUTSIDE = {
  regex: "(^|/)engine/(?!index$)",
  message: "Import the engine through shared/engine (its index.ts), not a file inside it.",
};
const ENGINE_SIBLING_FROM_FOLDER = {
  regex: "^\\.\\./(?!\\.\\.?/)[^/]+/(?!index$)",
  message:
    "Reach another engine capability through its door ('../<folder>'), not a file inside it.",
};
const ENGINE_FOLDER_FROM_ROOT = {
  regex: "^\\./[^/]+/(?!index$)",
  message: "Reach an engine capability through its door ('./<folder>'), not a file inside it.",
};

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
    files: ["**/*.{ts,tsx}"],
    ignores: ["shared/engine/**", "electron/preload/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [ENGINE_FROM_OUTSIDE] },
      ],
    },
  },
  {
    files: ["shared/engine/*/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [ENGINE_SIBLING_FROM_FOLDER] },
      ],
    },
  },
  {
    files: ["shared/engine/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [ENGINE_FOLDER_FROM_ROOT] },
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
              message: "Main imports shared/, system/, electron and node only.",
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
              message: "The CLI imports shared/, system/ and node only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["system/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["electron", "react", "**/renderer/**", "**/electron/**", "**/cli/**"],
              message: "system/ is Node code shared by the CLI and main: shared/ and node only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["cli/**/*.ts", "electron/main/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            ENGINE_FROM_OUTSIDE,
            {
              regex: "(^|/)system/(?!index$)",
              message: "Import system/ through its index.ts, not a file inside it.",
            },
          ],
        },
      ],
    },
  },
);
