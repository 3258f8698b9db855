#pragma once

namespace llmos {

class LanguageSetup;
class SettingsStore;
class ThemeSetup;

// What the window's pages use from the application. app/ (the composition root) builds
// these and keeps them alive longer than the window; pages hold references, never
// globals, so a test builds its own. The model registry and the job list join here.
struct WindowServices {
    SettingsStore &settings;
    LanguageSetup &language;
    ThemeSetup &theme;
};

} // namespace llmos
