#pragma once

#include "apps/appcatalog.h"

#include <QComboBox>
#include <QFutureWatcher>

#include <string>

namespace llmos {

// A choice of the registered models of one kind, read from the registry on a worker when
// made (and on refresh()); loaded() says how many there are once they are in.
class RegisteredModelBox : public QComboBox {
    Q_OBJECT
public:
    RegisteredModelBox(std::string registryHome, AppModelKind kind, QWidget *parent = nullptr);
    void refresh();

Q_SIGNALS:
    void loaded(int count);

private:
    std::string m_home;
    AppModelKind m_kind;
    QFutureWatcher<QStringList> m_reading;
};

} // namespace llmos
