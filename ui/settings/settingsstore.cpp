#include "settingsstore.h"

#include <QThread>

#include <algorithm>

namespace llmos {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// Spellings on disk; the first entry is the default for text that matches none.
template <typename Enum>
struct EnumName {
    Enum value;
    const char *name;
};
constexpr EnumName<ComputeDevice> kDeviceNames[] = {
    {ComputeDevice::Auto, "auto"}, {ComputeDevice::Cpu, "cpu"}, {ComputeDevice::Cuda, "cuda"}};
constexpr EnumName<ColorTheme> kThemeNames[] = {
    {ColorTheme::System, "system"}, {ColorTheme::Light, "light"}, {ColorTheme::Dark, "dark"}};

template <typename Enum, std::size_t N>
QString nameOf(const EnumName<Enum> (&names)[N], Enum value)
{
    for (const auto &entry : names) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return QString::fromLatin1(names[0].name);
}

template <typename Enum, std::size_t N>
Enum valueOf(const EnumName<Enum> (&names)[N], const QString &name)
{
    for (const auto &entry : names) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return names[0].value;
}

} // namespace

SettingsStore::SettingsStore(const QString &iniFile)
    : m_settings(iniFile, QSettings::IniFormat)
{
}

WorkbenchSettings SettingsStore::load() const
{
    WorkbenchSettings s;
    s.dataFolder = m_settings.value(key(kDataFolderKey)).toString();
    // A count saved on a bigger machine is clamped to this one's cores.
    const int threads = m_settings.value(key(kThreadsKey), 0).toInt();
    s.threads = std::clamp(threads, 0, QThread::idealThreadCount());
    s.device = deviceFromName(m_settings.value(key(kDeviceKey)).toString());
    s.language = m_settings.value(key(kLanguageKey)).toString();
    s.theme = themeFromName(m_settings.value(key(kThemeKey)).toString());
    return s;
}

void SettingsStore::save(const WorkbenchSettings &s)
{
    m_settings.setValue(key(kDataFolderKey), s.dataFolder);
    m_settings.setValue(key(kThreadsKey), s.threads);
    m_settings.setValue(key(kDeviceKey), deviceName(s.device));
    m_settings.setValue(key(kLanguageKey), s.language);
    m_settings.setValue(key(kThemeKey), themeName(s.theme));
    m_settings.sync();
}

QByteArray SettingsStore::windowGeometry() const
{
    return m_settings.value(key(kGeometryKey)).toByteArray();
}

QString SettingsStore::lastPage() const
{
    return m_settings.value(key(kLastPageKey)).toString();
}

void SettingsStore::saveWindowState(const QByteArray &geometry, const QString &pageId)
{
    m_settings.setValue(key(kGeometryKey), geometry);
    m_settings.setValue(key(kLastPageKey), pageId);
    m_settings.sync();
}

QString SettingsStore::deviceName(ComputeDevice device)
{
    return nameOf(kDeviceNames, device);
}

ComputeDevice SettingsStore::deviceFromName(const QString &name)
{
    return valueOf(kDeviceNames, name);
}

QString SettingsStore::themeName(ColorTheme theme)
{
    return nameOf(kThemeNames, theme);
}

ColorTheme SettingsStore::themeFromName(const QString &name)
{
    return valueOf(kThemeNames, name);
}

void applyDataFolderSetting(const WorkbenchSettings &settings)
{
    if (!settings.dataFolder.isEmpty() && qEnvironmentVariableIsEmpty("LLMOS_HOME"))
        qputenv("LLMOS_HOME", settings.dataFolder.toLocal8Bit());
}

} // namespace llmos
