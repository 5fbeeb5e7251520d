// ESLint (flat config): typescript-eslint's type-aware rules everywhere, React's hooks rules in the
// client. Types come from the folders' own tsconfig.json (the same five projects `npm run typecheck`
// checks), found by the project service; the few files outside them get a default project.
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["node_modules/", "dist/", "data/", "bench-results/", "test-results/", ".tmp/"] },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Not inside a folder with a tsconfig.json: this file, the build scripts and the vitest
          // config at the root.
          allowDefaultProject: ["eslint.config.js", "vitest.config.ts", "scripts/*.mjs", "client/sw.js"],
          defaultProject: "tsconfig.base.json",
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    // An `eslint-disable…` comment names its rules and says why after `--`
    // (tests/unit/lint-directives.test.ts checks; a rule could not, as a bare directive silences it).
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Types are imported as types (`verbatimModuleSyntax` keeps every other import at run time);
      // the fixer writes them the way the code does: `import { x, type T }`.
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      // `_name` is the code's way to say "deliberately unused": a parameter a signature needs, or a
      // key dropped from an object by destructuring (`{ seen: _seen, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Off: an `async` function without `await` is how this code returns a promise where a contract
      // asks for one (Fastify's plugins and hooks, `close()` of an interface, a script's `main`).
      // Forgetting an `await` is what matters, and no-floating-promises catches that.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["tests/**/*.ts"],
    rules: {
      // Off in tests: vitest types its asymmetric matchers (`expect.any(String)`,
      // `expect.stringMatching(…)`) as `any`, so every `toEqual({ id: expect.any(Number) })` would
      // be reported. The other no-unsafe-* rules stay on.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    // The service worker is plain JavaScript run by the browser (its globals untyped): the rules
    // that need types cannot judge it; the others still do.
    files: ["client/sw.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    // The two classic hooks rules. The plugin's React Compiler rules (`refs`, `set-state-in-effect`,
    // …) are not on: the client is not built with the compiler, and what they report here (a ref
    // holding the latest values for a handler bound once, a state reset when a prop changes) is
    // deliberate, and rewriting it is no lint fix.
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
