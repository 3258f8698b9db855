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

namespace {

// The shape AccessPolicy::isDigest checks (engine/serve); settings stay QtCore-only, so
// the check is repeated here rather than linking the server.
bool isDigest(const QString &text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

int intIn(const QVariant &value, int low, int high, int fallback)
{
    bool ok = false;
    const int v = value.toInt(&ok);
    return ok && v >= low && v <= high ? v : fallback;
}

} // namespace

ServerSettings SettingsStore::server() const
{
    const ServerSettings defaults;
    ServerSettings s;
    m_settings.beginGroup(QStringLiteral("server"));
    s.network = m_settings.value(QStringLiteral("network"), defaults.network).toBool();
    s.port = intIn(m_settings.value(QStringLiteral("port")), 0, 65535, defaults.port);
    s.deployAll = m_settings.value(QStringLiteral("deployAll"), defaults.deployAll).toBool();
    s.deployedIds = m_settings.value(QStringLiteral("deployedIds")).toStringList();
    s.unloadAfterMinutes = intIn(m_settings.value(QStringLiteral("unloadAfterMinutes")), 0, 24 * 60,
                                 defaults.unloadAfterMinutes);
    s.maxTokens = intIn(m_settings.value(QStringLiteral("maxTokens")), 1, 1 << 20, defaults.maxTokens);
    s.alertErrorPercent = intIn(m_settings.value(QStringLiteral("alertErrorPercent")), 1, 100,
                                defaults.alertErrorPercent);
    s.alertFirstTokenMs = intIn(m_settings.value(QStringLiteral("alertFirstTokenMs")), 1, 3600 * 1000,
                                defaults.alertFirstTokenMs);
    const int count = m_settings.beginReadArray(QStringLiteral("keys"));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        StoredApiKey key{m_settings.value(QStringLiteral("name")).toString(),
                         m_settings.value(QStringLiteral("digest")).toString(),
                         m_settings.value(QStringLiteral("management")).toBool(),
                         m_settings.value(QStringLiteral("createdAt")).toLongLong()};
        if (isDigest(key.digest))
            s.keys.append(key);
    }
    m_settings.endArray();
    m_settings.endGroup();
    return s;
}

void SettingsStore::saveServer(const ServerSettings &s)
{
    m_settings.beginGroup(QStringLiteral("server"));
    m_settings.setValue(QStringLiteral("network"), s.network);
    m_settings.setValue(QStringLiteral("port"), s.port);
    m_settings.setValue(QStringLiteral("deployAll"), s.deployAll);
    m_settings.setValue(QStringLiteral("deployedIds"), s.deployedIds);
    m_settings.setValue(QStringLiteral("unloadAfterMinutes"), s.unloadAfterMinutes);
    m_settings.setValue(QStringLiteral("maxTokens"), s.maxTokens);
    m_settings.setValue(QStringLiteral("alertErrorPercent"), s.alertErrorPercent);
    m_settings.setValue(QStringLiteral("alertFirstTokenMs"), s.alertFirstTokenMs);
    m_settings.remove(QStringLiteral("keys"));
    m_settings.beginWriteArray(QStringLiteral("keys"), int(s.keys.size()));
    for (int i = 0; i < s.keys.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), s.keys[i].name);
        m_settings.setValue(QStringLiteral("digest"), s.keys[i].digest);
        m_settings.setValue(QStringLiteral("management"), s.keys[i].management);
        m_settings.setValue(QStringLiteral("createdAt"), s.keys[i].createdAt);
    }
    m_settings.endArray();
    m_settings.endGroup();
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
