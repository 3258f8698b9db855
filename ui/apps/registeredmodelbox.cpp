#include "apps/registeredmodelbox.h"

#include "apps/appmodels.h"

#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

RegisteredModelBox::RegisteredModelBox(std::string registryHome, AppModelKind kind, QWidget *parent)
    : QComboBox(parent)
    , m_home(std::move(registryHome))
    , m_kind(kind)
{
    setMinimumWidth(200);
    connect(&m_reading, &QFutureWatcher<QStringList>::finished, this, [this] {
        const auto current = currentText();
        clear();
        addItems(m_reading.result());
        if (const int index = findText(current); index >= 0)
            setCurrentIndex(index);
        Q_EMIT loaded(count());
    });
    refresh();
}

void RegisteredModelBox::refresh()
{
    if (!m_reading.isRunning())
        m_reading.setFuture(QtConcurrent::run([home = m_home, kind = m_kind] { return registeredModelsOfKind(home, kind); }));
}

} // namespace llmos
