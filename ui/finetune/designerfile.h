#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

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
};

} // namespace llmos
