/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // *.server.* files in app/routes are request handlers shared by routes, not routes.
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/*.server.*"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  // Every v3 flag the classic compiler supports; v3_routeConfig is Vite-only.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
