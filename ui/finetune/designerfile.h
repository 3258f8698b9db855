#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace llmos {

// Recipe and sweep files are small: the designers read and write them on the GUI thread,
// but never a file too large to be one, and always atomically (a crash mid-write leaves
// the old file, not half of a new one).
class DesignerFile {
    Q_DECLARE_TR_FUNCTIONS(llmos::DesignerFile)
public:
    static constexpr qint64 kMaxBytes = 4 << 20; // the largest recipes are a few KiB

    static bool read(const QString &path, QByteArray *text, QString *error);
    static bool write(const QString &path, const QByteArray &text, QString *error);

    // A file dialog for opening or saving one of these files (window-modal, not blocking):
    // the chosen path goes to `act` (load or save; false with the error), and what
    // happened to `report` in words ("Opened recipe.json.", or the error).
    enum class Action { Open, Save };
    using Act = std::function<bool(const QString &path, QString *error)>;
    using Report = std::function<void(const QString &message, bool failed)>;
    static void choose(QWidget *parent, Action action, const QString &title, const QString &filter, Act act,
                       Report report);
};

} // namespace llmos
