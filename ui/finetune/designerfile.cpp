#include "finetune/designerfile.h"

#include <QFile>
#include <QFileDialog>
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

void DesignerFile::choose(QWidget *parent, Action action, const QString &title, const QString &filter, Act act,
                          Report report)
{
    auto *dialog = new QFileDialog(parent, title, QString(), filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (action == Action::Open) {
        dialog->setFileMode(QFileDialog::ExistingFile);
    } else {
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("json"));
    }
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, [action, act, report](const QString &path) {
        QString error;
        const bool ok = act(path, &error);
        const QString name = QFileInfo(path).fileName();
        report(ok ? (action == Action::Open ? tr("Opened %1.").arg(name) : tr("Saved %1.").arg(name)) : error, !ok);
    });
    dialog->open();
}

} // namespace llmos
