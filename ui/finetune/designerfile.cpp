#include "finetune/designerfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace llmos {

bool DesignerFile::read(const QString &path, QByteArray *text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Could not open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > kMaxBytes) {
        *error = tr("%1 is too large for a recipe or sweep file (over %2 MiB).").arg(path).arg(kMaxBytes >> 20);
        return false;
    }
    *text = file.read(kMaxBytes + 1);
    if (text->size() > kMaxBytes) { // grew while we looked, or a device without a size
        *error = tr("%1 is too large for a recipe or sweep file (over %2 MiB).").arg(path).arg(kMaxBytes >> 20);
        return false;
    }
    return true;
}

bool DesignerFile::write(const QString &path, const QByteArray &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        *error = tr("Could not save %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace llmos
