#pragma once

#include "monitor/resourcesample.h"

#include <QWidget>

class QLabel;

namespace llmos {

class ResourceSampler;

// The status bar's machine gauges: CPU (whole machine and this process), memory (this
// process's resident set, and the machine's use of its total) and, where an NVIDIA GPU
// is present, its load and memory. Fed by a ResourceSampler it owns.
class ResourceUsageIndicator : public QWidget {
    Q_OBJECT
    // True until CPU figures exist (they need two samples): screenshots wait for them.
    Q_PROPERTY(bool loading READ isLoading)
public:
    explicit ResourceUsageIndicator(QWidget *parent = nullptr);

    // Public so tests can show a canned sample.
    void showSample(const ResourceSample &sample);

    QString cpuText() const;
    QString memoryText() const;
    QString gpuText() const; // empty when there is no GPU
    bool isLoading() const { return m_samples < 2; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ResourceSampler *m_sampler = nullptr;
    QLabel *m_cpu = nullptr;
    QLabel *m_memory = nullptr;
    QLabel *m_gpu = nullptr;
    ResourceSample m_last;
    int m_samples = 0;
};

} // namespace llmos
