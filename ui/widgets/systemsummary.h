#pragma once

#include <QFutureWatcher>
#include <QGroupBox>

#include "runtime/runtimeinfo.h"

class QLabel;

namespace llmos {

// What the compute engine runs on (libtorch, BLAS, threads, CUDA, measured matmul
// speed, data folder). Gathered on a worker thread: the measurement takes a moment
// and the window must stay responsive meanwhile.
class SystemSummary : public QGroupBox {
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loaded)
public:
    explicit SystemSummary(QWidget *parent = nullptr);
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded();

private:
    void show(const RuntimeInfo &info);

    QFutureWatcher<RuntimeInfo> m_watcher;
    QLabel *m_torch = nullptr;
    QLabel *m_blas = nullptr;
    QLabel *m_threads = nullptr;
    QLabel *m_cuda = nullptr;
    QLabel *m_speed = nullptr;
    QLabel *m_data = nullptr;
    QLabel *m_warning = nullptr;
    bool m_loading = true;
};

} // namespace llmos
