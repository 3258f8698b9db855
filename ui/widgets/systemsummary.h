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
    // Valid once loaded() was emitted.
    const RuntimeInfo &runtimeInfo() const { return m_info; }
    // The compute threads now in use, when Settings changes them.
    void setThreads(int threads);

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QFutureWatcher<RuntimeInfo> m_watcher;
    RuntimeInfo m_info;
    QLabel *m_captions[6] = {};
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
