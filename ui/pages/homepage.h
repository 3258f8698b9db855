#pragma once

#include <QWidget>

namespace llmos {

class SystemSummary;

// The first page: what the workbench is, what works today, and the machine it runs on.
class HomePage : public QWidget {
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading)
public:
    explicit HomePage(QWidget *parent = nullptr);
    bool isLoading() const;

private:
    SystemSummary *m_system = nullptr;
};

} // namespace llmos
