#pragma once

namespace llmos::serve {

class ApiRouter;
struct RegistryAccess;

// Importing a model over the management API (management keys only), as a long job with
// progress and cancel, as the window does it:
//   POST /api/models/import               {path, name?, description?, in_place?, tags?}:
//                                         202 and the import's id; it runs in the background
//   GET  /api/models/imports/{id}         state (running, succeeded, failed, cancelled),
//                                         stage and bytes done of all, the model when done
//   GET  /api/models/imports/{id}/events  server-sent progress events until it ends
//   POST /api/models/imports/{id}/cancel  stops it; the registry stays as it was
// The path is a folder or file on the server's machine, read as `llmos models import`
// reads it; each import opens a registry of its own, so the management API's other routes
// never wait for a copy to finish.
void addImportRoutes(ApiRouter &router, RegistryAccess &registry);

} // namespace llmos::serve
