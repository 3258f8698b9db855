#pragma once

#include "serversettings.h"
#include "workbenchsettings.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace llmos {

// Reads and writes WorkbenchSettings and the window's state through QSettings (the
// organisation and application names the launcher sets pick the file). Needs only
// QtCore, so the command line can read the same keys. Values are checked on the way
// in: a hand-edited or older file yields defaults, never an out-of-range value.
class SettingsStore {
public:
    SettingsStore() = default;
    // For tests and tools: a specific file, in INI format.
    explicit SettingsStore(const QString &iniFile);

    WorkbenchSettings load() const;
    void save(const WorkbenchSettings &settings);

    // The window's geometry (QWidget::saveGeometry) and the id of the page last shown.
    QByteArray windowGeometry() const;
    QString lastPage() const;
    void saveWindowState(const QByteArray &geometry, const QString &pageId);

    // The Server page's choices, in the group "server". Values out of range read as defaults;
    // a key whose digest is damaged is dropped (it could never match).
    ServerSettings server() const;
    void saveServer(const ServerSettings &settings);

    // Keys, shared with whatever else reads these settings.
    static constexpr const char *kDataFolderKey = "dataFolder";
    static constexpr const char *kThreadsKey = "compute/threads";
    static constexpr const char *kDeviceKey = "compute/device";
    static constexpr const char *kLanguageKey = "language"; // LanguageSetup's key since the start
    static constexpr const char *kThemeKey = "appearance/theme";
    static constexpr const char *kGeometryKey = "window/geometry";
    static constexpr const char *kLastPageKey = "window/lastPage";

    // Stable spellings on disk and on the command line: "auto", "cpu", "cuda";
    // "system", "light", "dark". Unknown text yields the default.
    static QString deviceName(ComputeDevice device);
    static ComputeDevice deviceFromName(const QString &name);
    static QString themeName(ColorTheme theme);
    static ColorTheme themeFromName(const QString &name);

private:
    mutable QSettings m_settings;
};

// The engine finds its data folder through LLMOS_HOME. A folder chosen in Settings is
// handed on that way when the process starts (why a change needs a restart), to the
// window and the command line alike, unless the person set LLMOS_HOME themselves: an
// explicit environment wins, as it does for tests.
void applyDataFolderSetting(const WorkbenchSettings &settings);

} // namespace llmos
