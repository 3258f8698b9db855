#include "themesetup.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace llmos {

namespace {

// Each role's colour in the light and the dark theme, side by side so the two stay a
// matching pair. Disabled text gets its own colour: Fusion derives little on its own.
struct RoleColors {
    QPalette::ColorRole role;
    QRgb light;
    QRgb dark;
};
constexpr RoleColors kRoleColors[] = {
    {QPalette::Window, 0xf3f4f6, 0x26282c},
    {QPalette::WindowText, 0x1f2328, 0xe6e8eb},
    {QPalette::Base, 0xffffff, 0x1c1e21},
    {QPalette::AlternateBase, 0xeaecef, 0x32353a},
    {QPalette::ToolTipBase, 0xffffe1, 0x32353a},
    {QPalette::ToolTipText, 0x1f2328, 0xe6e8eb},
    {QPalette::PlaceholderText, 0x6e7781, 0x8b949e},
    {QPalette::Text, 0x1f2328, 0xe6e8eb},
    {QPalette::Button, 0xf6f8fa, 0x32353a},
    {QPalette::ButtonText, 0x1f2328, 0xe6e8eb},
    {QPalette::BrightText, 0xff0000, 0xff7b72},
    {QPalette::Light, 0xffffff, 0x45494f},
    {QPalette::Midlight, 0xe1e4e8, 0x3a3d42},
    {QPalette::Mid, 0x8c959f, 0x8b949e},
    {QPalette::Dark, 0xa0a6ad, 0x18191c},
    {QPalette::Shadow, 0x6e7781, 0x0d0e10},
    {QPalette::Highlight, 0x2f6fd6, 0x3d7fe6},
    {QPalette::HighlightedText, 0xffffff, 0xffffff},
    {QPalette::Link, 0x0969da, 0x58a6ff},
    {QPalette::LinkVisited, 0x8250df, 0xbc8cff},
};
constexpr QRgb kDisabledTextLight = 0x8c959f;
constexpr QRgb kDisabledTextDark = 0x6e7681;

QPalette fixedPalette(bool dark)
{
    QPalette p;
    for (const RoleColors &colors : kRoleColors)
        p.setColor(colors.role, QColor::fromRgb(dark ? colors.dark : colors.light));
    const QColor disabled = QColor::fromRgb(dark ? kDisabledTextDark : kDisabledTextLight);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

ThemeSetup::ThemeSetup(QApplication &app)
    : m_app(app)
    , m_systemStyle(app.style()->name())
    , m_systemPalette(QApplication::palette())
{
}

void ThemeSetup::apply(ColorTheme theme)
{
    // Starting with System applies nothing, so the application keeps following the
    // desktop's palette (and its later changes) on its own.
    if (theme == m_current)
        return;
    switch (theme) {
    case ColorTheme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        break;
    case ColorTheme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    case ColorTheme::System:
        if (QStyle *style = QStyleFactory::create(m_systemStyle))
            QApplication::setStyle(style);
        QApplication::setPalette(m_systemPalette);
        break;
    }
    m_current = theme;
}

QPalette ThemeSetup::lightPalette()
{
    return fixedPalette(false);
}

QPalette ThemeSetup::darkPalette()
{
    return fixedPalette(true);
}

} // namespace llmos
