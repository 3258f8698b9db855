#pragma once

namespace llmos {

class AppInference;
class JobCenter;
class LanguageSetup;
class ModelLibrary;
class ServerController;
class SettingsStore;
class ThemeSetup;

// What the window's pages use from the application. app/ (the composition root) builds
// these and keeps them alive longer than the window; pages hold references, never
// globals, so a test builds its own.
struct WindowServices {
    SettingsStore &settings;
    LanguageSetup &language;
    ThemeSetup &theme;
    ModelLibrary &models; // the model registry, read and written off the GUI thread
    JobCenter &jobs;      // training runs: started, followed and commanded off the GUI thread
    ServerController &server; // the API server, started and stopped from the Server page
    AppInference &inference;  // the models the Apps page's apps run on
};

} // namespace llmos
