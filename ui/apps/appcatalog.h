#pragma once

#include <QString>

#include <functional>
#include <string>
#include <vector>

class QWidget;

namespace llmos {

class AppInference;
class SettingsStore;

// What an app runs on: the Apps page says so and counts the registered models of that kind.
enum class AppModelKind { Generative, Classifier, Embedding };

// What every app may use: the same services the REST API calls, and the data folder
// (apps keep their own files under <home>/apps/<app id>).
struct AppServices {
    SettingsStore &settings;
    AppInference &inference;
    std::string home;
};

// One app of the Apps page. Adding an app is adding its folder under ui/apps and one line
// in appCatalog().
struct AppDescriptor {
    QString id;                 // its folder under <home>/apps, and the screenshot's name
    const char *title;          // translated in the "llmos::AppCatalog" context
    const char *description;    // the same
    AppModelKind needs;
    std::function<QWidget *(AppServices &, QWidget *parent)> create;
};

const std::vector<AppDescriptor> &appCatalog();

// "Runs on generative models" and the like, translated.
QString modelKindText(AppModelKind kind);

} // namespace llmos
